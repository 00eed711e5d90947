import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("JSON values")
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            Data(#" {"a": [true, false, null, 1, -2.5, 1e3, "x\"\\\/\n\u00e9\ud83d\ude00"], "b": {}} "#.utf8))
        #expect(
            value == ["a": [true, false, .null, 1, .number(-2.5), 1000, .string("x\"\\/\né😀")], "b": .object([:])])
    }

    @Test func trueIsNotOne() throws {
        #expect(try JSONParser.parse(Data("true".utf8)) == .bool(true))
        #expect(try JSONParser.parse(Data("1".utf8)) == .number(1))
    }

    @Test(arguments: ["", "{", "[1,]", #"{"a" 1}"#, "tru", "01x", #""\x""#, "\"a\nb\"", "[] []", #""\ud800""#, "-"])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test func rejectsDeepNesting() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test func serializesCompactlyWithSortedKeys() {
        let value: JSONValue = ["b": [1, .number(2.5), true, .null], "a": .string("q\"\n\u{01}")]
        #expect(String(decoding: value.serialized, as: UTF8.self) == #"{"a":"q\"\n\u0001","b":[1,2.5,true,null]}"#)
    }

    @Test func serializationRoundTrips() throws {
        let value: JSONValue = ["k": ["nested": [.string("é😀"), .number(-0.125), 123_456_789]]]
        #expect(try JSONParser.parse(value.serialized) == value)
    }
}
