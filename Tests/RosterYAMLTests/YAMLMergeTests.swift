import RosterYAML
import Testing

@Suite struct YAMLMergeTests {
    @Test func singleMergePutsMergedKeysFirst() throws {
        let root = try #require(
            try parse(
                """
                base: &base { site: Boston, roles: [agent] }
                ana:
                  name: Ana
                  <<: *base

                """))
        let ana = try #require(root["ana"])
        #expect(ana.keys == ["site", "roles", "name"])
        #expect(ana["site"]?.position == "1:21")
        #expect(ana["roles"]?.texts == ["agent"])
    }

    @Test func listOfMergesEarlierWins() throws {
        let root = try #require(
            try parse(
                """
                a: &a { x: from-a, y: from-a }
                b: &b { y: from-b, z: from-b }
                c: { <<: [*a, *b] }

                """))
        let c = try #require(root["c"])
        #expect(c.keys == ["x", "y", "z"])
        #expect(c["y"]?.scalarText == "from-a")
        #expect(c["z"]?.scalarText == "from-b")
    }

    @Test func explicitKeysOverrideMergedOnesWithoutBeingDuplicates() throws {
        let root = try #require(
            try parse(
                """
                a: &a { site: Boston, title: Agent }
                ana:
                  <<: *a
                  site: Denver

                """))
        let ana = try #require(root["ana"])
        #expect(ana.keys == ["title", "site"])
        #expect(ana["site"]?.scalarText == "Denver")
        #expect(ana["site"]?.position == "4:9")
    }

    @Test func inlineMappingCanBeMerged() throws {
        let root = try #require(try parse("m: { <<: { a: 1 }, b: 2 }\n"))
        #expect(root["m"]?.keys == ["a", "b"])
    }

    @Test func mergesNestThroughAliases() throws {
        let root = try #require(
            try parse(
                """
                a: &a { x: 1 }
                b: &b { <<: *a, y: 2 }
                c: { <<: *b, z: 3 }

                """))
        #expect(root["c"]?.keys == ["x", "y", "z"])
    }

    @Test func taggedMergeKeyMergesAndQuotedOneDoesNot() throws {
        let root = try #require(try parse("a: &a { x: 1 }\nb: { !!merge <<: *a }\nc: { '<<': *a }\n"))
        #expect(root["b"]?.keys == ["x"])
        #expect(root["c"]?.keys == ["<<"])
    }

    @Test(arguments: [
        ("m: { <<: scalar }\n", "1:10", "a string"),
        ("m:\n  <<:\n", "2:6", "null"),
        ("a: &a 5\nm: { <<: *a }\n", "2:10", "a number"),
        ("a: &a [1]\nm: { <<: *a }\n", "1:8", "a number"),
        ("a: &a { x: 1 }\nm: { <<: [*a, [1]] }\n", "2:15", "a list"),
        ("m: { <<: [{x: 1}, 7] }\n", "1:19", "a number"),
    ])
    func mergeValueMustBeMappings(_ text: String, at position: String, found: String) throws {
        let error = try #require(parseError(text))
        #expect(error.position == position)
        #expect(
            error.message
                == "merge key '<<' needs a mapping, an alias to one, or a list of them; found \(found)")
    }

    @Test func twoMergeKeysAreDuplicates() throws {
        let error = try #require(parseError("a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n"))
        #expect(error.message == "duplicate key '<<' (first at line 3)")
        #expect(error.position == "4:3")
    }
}
