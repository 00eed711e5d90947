import RosterYAML
import Testing

@Suite struct YAMLStructureTests {
    static let manifest = """
        # yaml-language-server: $schema=x.json
        version: 1
        people:
          - userName: ana@acme.example
            profiles: [tier1, tier2]
            accounts:
              five9: { skills: { Sales: 3 } }
          -   userName: bo
        groups: {}
        empty: []

        """

    @Test func nestedStructuresCarryLineAndColumn() throws {
        let root = try #require(try parse(Self.manifest))
        #expect(root.position == "2:1")
        #expect(root.keys == ["version", "people", "groups", "empty"])
        #expect(try #require(root.pairs)[1].key.position == "3:1")
        let people = try #require(root["people"])
        #expect(people.position == "4:3")
        let ana = try #require(people.items?.first)
        #expect(ana.position == "4:5")
        #expect(try #require(ana["userName"]).position == "4:15")
        let profiles = try #require(ana["profiles"])
        #expect(profiles.position == "5:15")
        #expect(profiles.texts == ["tier1", "tier2"])
        #expect(try #require(profiles.items?[1]).position == "5:23")
        let five9 = try #require(ana["accounts"]?["five9"])
        #expect(five9.position == "7:14")
        #expect(try #require(five9["skills"]?["Sales"]).position == "7:33")
        let bo = try #require(people.items?.last)
        #expect(bo.position == "8:7")
        #expect(try #require(root["groups"]).pairs == [])
        #expect(try #require(root["empty"]).items == [])
    }

    @Test func rootSequenceAndFlowStyles() throws {
        let root = try #require(try parse("- [a, {b: c}]\n- {d: [e]}\n"))
        let items = try #require(root.items)
        #expect(items.count == 2)
        #expect(items[0].items?[1]["b"]?.scalarText == "c")
        #expect(items[1]["d"]?.texts == ["e"])
        #expect(items[1].position == "2:3")
    }

    @Test func mappingKeepsDocumentOrder() throws {
        let root = try #require(try parse("z: 1\na: 2\nm: 3\n"))
        #expect(root.keys == ["z", "a", "m"])
    }

    @Test func collectionTagsAreKept() throws {
        let root = try #require(try parse("a: !!map { b: 1 }\nc: !list [1]\n"))
        #expect(root["a"]?.tag == "tag:yaml.org,2002:map")
        #expect(root["c"]?.tag == "!list")
    }

    @Test(arguments: ["", "\n\n", "# only\n# comments\n", "   \n# x\n", "---\n", "---\n...\n", "\u{FEFF}"])
    func emptyDocumentIsNil(_ text: String) throws {
        #expect(try parse(text) == nil)
    }

    @Test func emptyBytesAreNil() throws {
        #expect(try YAMLParser.parse([UInt8](), file: "t.yaml") == nil)
        #expect(try YAMLParser.parse([0xEF, 0xBB, 0xBF], file: "t.yaml") == nil)
    }

    @Test func documentEndMarkerAloneIsFine() throws {
        #expect(try parse("a: 1\n...\n")?.keys == ["a"])
        #expect(try parse("--- \na: 1\n")?.keys == ["a"])
    }

    @Test(arguments: [
        ("a: 1\n---\nb: 2\n", "2:1"),
        ("--- a\n--- b\n", "2:1"),
        ("a: 1\n...\n---\n", "3:1"),
        ("# first\nx\n...\n# second\n--- y\n", "5:1"),
    ])
    func secondDocumentIsRejected(_ text: String, at position: String) throws {
        let error = try #require(parseError(text))
        #expect(error.position == position)
        #expect(error.message == "a manifest file holds one YAML document; split the others into files of their own")
    }

    @Test func largeDocumentsKeepEveryItem() throws {
        var text = "people:\n"
        for index in 0..<2000 {
            text += "  - { userName: u\(index), n: \(index) }\n"
        }
        let people = try #require(try parse(text)?["people"]?.items)
        #expect(people.count == 2000)
        #expect(people[1999]["n"]?.int == 1999)
        #expect(people[1999].position == "2001:5")
    }

    @Test func largeMappingKeepsOrderAndValues() throws {
        let text = (0..<500).map { "k\($0): \($0)\n" }.joined()
        let root = try #require(try parse(text))
        #expect(root.keys == (0..<500).map { "k\($0)" })
        #expect(root["k321"]?.int == 321)
    }
}
