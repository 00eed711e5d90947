import Foundation
import RosterProviders
import Testing

@Suite("JSONValue(parsing:)")
struct JSONValueParsingTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Data(text.utf8))
    }

    @Test("reads every JSON type and keeps true apart from 1")
    func types() throws {
        let value = try parse(#" { "a": [1, -2.5e3, true, false, null, "x"], "b": {}, "c": [] } "#)
        #expect(
            value
                == .object([
                    "a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null, .string("x")]),
                    "b": .object([:]), "c": .array([]),
                ]))
    }

    @Test("decodes escapes, surrogate pairs and multi-byte text")
    func escapes() throws {
        let value = try parse(#"["a\"b\\c\/d\n\t\r\b\f", "\u00e9\u4e2d", "\ud83d\ude00", "Zoë 中", "\ud800x"]"#)
        let expected = ["a\"b\\c/d\n\t\r\u{8}\u{C}", "é中", "😀", "Zoë 中", "\u{FFFD}x"]
        #expect(value == .array(expected.map(JSONValue.string)))
    }

    @Test("agrees with JSONDecoder on a SCIM list page")
    func agreesWithFoundation() throws {
        let page = #"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":2,"startIndex":1,
             "Resources":[{"id":"1","userName":"ana@example.com","active":true,"name":{"givenName":"Ana"},
             "emails":[{"value":"ana@example.com","type":"work","primary":true}],"meta":{"version":"W/\"3\""}},
             {"id":"2","userName":"bo","active":false,"urn:x:ext":{"level":0.5}}]}
            """#
        let ours = try parse(page)
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(page.utf8))
        #expect(ours == foundation)
        #expect(ours["Resources"]?.array?.first?["meta"]?["version"]?.string == #"W/"3""#)
    }

    @Test(
        "refuses what is not JSON, with the offset",
        arguments: [
            ("", 0), ("{", 1), (#"{"a" 1}"#, 5), ("[1,]", 3), ("tru", 0), ("01x", 1), (#""a"#, 2),
            ("[1] 2", 4), ("-", 1), ("1.", 2), (#""\q""#, 3), ("\"a\u{1}\"", 2), ("[1e999]", 1),
        ])
    func refuses(_ text: String, offset: Int) {
        #expect {
            try parse(text)
        } throws: { error in
            (error as? JSONSyntaxError)?.offset == offset
        }
    }

    @Test("refuses nesting deeper than any SCIM object instead of exhausting the stack")
    func depth() throws {
        #expect(throws: JSONSyntaxError.self) { try parse(String(repeating: "[", count: 100_000)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try parse(fine) != .null)
    }
}
