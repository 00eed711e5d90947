import RosterYAML
import Testing

@Suite struct YAMLDuplicateKeyTests {
    @Test func duplicateKeyIsReportedAtTheSecondKey() throws {
        let text = "people:\n  - userName: ana\n    email: a@x\n    title: Agent\n    email: b@x\n"
        let error = try #require(parseError(text))
        #expect(error.message == "duplicate key 'email' (first at line 3)")
        #expect(error.position == "5:5")
    }

    @Test func keysCompareByTextWhateverTheStyle() throws {
        let error = try #require(parseError("a: 1\n\"a\": 2\n"))
        #expect(error.message == "duplicate key 'a' (first at line 1)")
        #expect(error.position == "2:1")
    }

    @Test func duplicatesAreFoundInLargeMappings() throws {
        let text = (0..<40).map { "k\($0): v\n" }.joined() + "k7: again\n"
        let error = try #require(parseError(text))
        #expect(error.message == "duplicate key 'k7' (first at line 8)")
        #expect(error.position == "41:1")
    }

    @Test func duplicatesAreFoundRightAfterTheScanLimit() throws {
        for count in 10...16 {
            let text = (0..<count).map { "k\($0): v\n" }.joined() + "k\(count - 1): again\n"
            #expect(parseError(text)?.message == "duplicate key 'k\(count - 1)' (first at line \(count))")
            let first = (0..<count).map { "k\($0): v\n" }.joined() + "k0: again\n"
            #expect(parseError(first)?.message == "duplicate key 'k0' (first at line 1)")
        }
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try #require(try parse("a: { name: x }\nb: { name: y }\nc: [{ name: z }, { name: z }]\n"))
        #expect(root.keys == ["a", "b", "c"])
    }

    @Test func duplicateInFlowMapping() throws {
        let error = try #require(parseError("m: { a: 1, b: 2, a: 3 }\n"))
        #expect(error.position == "1:18")
    }

    @Test(arguments: [
        ("? [a, b]\n: 1\n", "1:3", "a list"),
        ("{ x: 1 }: 2\n", "1:1", "a mapping"),
        ("m: { [a]: 1 }\n", "1:6", "a list"),
        ("a: &k { x: 1 }\n*k : 2\n", "2:1", "a mapping"),
    ])
    func nonScalarKeysAreRejected(_ text: String, at position: String, found: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message == "mapping keys must be scalars; found \(found) used as a key")
        #expect(error.position == position)
    }
}
