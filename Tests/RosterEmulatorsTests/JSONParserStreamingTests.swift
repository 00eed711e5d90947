import Testing

@testable import RosterEmulators

@Suite("JSON parser: streaming the arrays of a root object")
struct JSONParserStreamingTests {
    private struct Refusal: Error, Equatable {}

    private func stream(_ text: String, _ names: Set<String> = ["a"]) throws -> (JSONObject, [String]) {
        let bytes = Array(text.utf8)
        var seen: [String] = []
        let root = try JSONParser.parseObject(bytes, streaming: names) { member, value, range in
            let reparsed = try JSONParser.parse(Array(bytes[range]))
            #expect(reparsed == value)
            seen.append("\(member):" + String(decoding: bytes[range], as: UTF8.self))
        }
        return (root, seen)
    }

    @Test func elementsOfStreamedArraysAreHandedOverWithTheirText() throws {
        let (root, seen) = try stream(#" { "a" : [ {"x": [1, 2]} , "s\"" ,3 ], "b": [4], "c": {"a": [5]} } "#)
        #expect(seen == [#"a:{"x": [1, 2]}"#, #"a:"s\"""#, "a:3"])
        #expect(root == ["b": [4], "c": ["a": [5]]])
    }

    @Test func aStreamedMemberThatIsNotAnArrayIsKept() throws {
        let (root, seen) = try stream(#"{"a": {"k": 1}, "b": []}"#, ["a", "b"])
        #expect(root == ["a": ["k": 1]])
        #expect(seen.isEmpty)
    }

    @Test func anEmptyObjectAndEmptyArraysAreFine() throws {
        #expect(try stream("{}") == ([:], []))
        #expect(try stream(#"{"a":[]}"#) == ([:], []))
    }

    @Test(arguments: [#"[1]"#, #"{"a":[1,]}"#, #"{"a":[1]} x"#, #"{"a":[1]"#, #"{"a" [1]}"#, ""])
    func malformedTextIsAParseError(text: String) {
        #expect(throws: JSONParseError.self) { try stream(text) }
    }

    @Test func whatTheReaderThrowsComesOutUnchanged() {
        let bytes = Array(#"{"a":[1,2,3]}"#.utf8)
        var calls = 0
        #expect(throws: Refusal()) {
            try JSONParser.parseObject(bytes, streaming: ["a"]) { _, value, _ in
                calls += 1
                if value == 2 { throw Refusal() }
            }
        }
        #expect(calls == 2)
    }

    @Test func theWholeDocumentParserStillReadsNestedValues() throws {
        let value = try JSONParser.parse(Array(#" {"a":[{"b":[]},{}],"c":{"d":null}} "#.utf8))
        #expect(value == ["a": [["b": []], [:]], "c": ["d": .null]])
    }

    /// A snapshot is indexed from the members the indexes read; the element's text still covers all of it.
    @Test func elementsCanBeBuiltFromNamedMembersOnly() throws {
        let text = #"{"users":[{"id":"1","name":{"givenName":"A"},"userName":"a","emails":[{"value":"x"}]},"z"]}"#
        let bytes = Array(text.utf8)
        var seen: [(JSONValue, String)] = []
        _ = try JSONParser.parseObject(bytes, streaming: ["users"], reading: .members(["id", "userName"])) {
            _, value, range in seen.append((value, String(decoding: bytes[range], as: UTF8.self)))
        }
        #expect(seen.map(\.0) == [["id": "1", "userName": "a"], "z"])
        #expect(seen.first?.1 == #"{"id":"1","name":{"givenName":"A"},"userName":"a","emails":[{"value":"x"}]}"#)
        let broken = Array(#"{"users":[{"id":"1","name":{"givenName":}}]}"#.utf8)
        #expect(throws: JSONParseError.self) {
            try JSONParser.parseObject(broken, streaming: ["users"], reading: .members(["id"])) { _, _, _ in }
        }
    }
}
