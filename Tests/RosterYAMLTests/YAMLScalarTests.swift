import RosterYAML
import Testing

@Suite struct YAMLScalarTests {
    struct ScalarCase: Sendable, CustomTestStringConvertible {
        var yaml: String
        var text: String
        var style: YAMLScalarStyle
        var tag: String? = nil
        var testDescription: String { yaml.debugDescription }
    }

    static let cases: [ScalarCase] = [
        ScalarCase(yaml: "v: plain words\n", text: "plain words", style: .plain),
        ScalarCase(yaml: "v: 'it''s single'\n", text: "it's single", style: .singleQuoted),
        ScalarCase(yaml: "v: \"tab\\there \\u00e9 \\\"q\\\"\"\n", text: "tab\there é \"q\"", style: .doubleQuoted),
        ScalarCase(yaml: "v: |\n  line one\n  line two\n", text: "line one\nline two\n", style: .literal),
        ScalarCase(yaml: "v: |-\n  kept\n    indent\n", text: "kept\n  indent", style: .literal),
        ScalarCase(yaml: "v: >\n  folded\n  together\n\n  para\n", text: "folded together\npara\n", style: .folded),
        ScalarCase(yaml: "v: 42\n", text: "42", style: .plain),
        ScalarCase(yaml: "v:\n", text: "", style: .plain),
        ScalarCase(yaml: "v: ''\n", text: "", style: .singleQuoted),
        ScalarCase(yaml: "v: Zoë 日本 🎧\n", text: "Zoë 日本 🎧", style: .plain),
        ScalarCase(yaml: "v: multi\n  line plain\n", text: "multi line plain", style: .plain),
        ScalarCase(yaml: "v: !!str 42\n", text: "42", style: .plain, tag: "tag:yaml.org,2002:str"),
        ScalarCase(yaml: "v: !!int \"7\"\n", text: "7", style: .doubleQuoted, tag: "tag:yaml.org,2002:int"),
        ScalarCase(yaml: "v: !custom x\n", text: "x", style: .plain, tag: "!custom"),
        ScalarCase(yaml: "v: ! x\n", text: "x", style: .plain, tag: "!"),
        ScalarCase(
            yaml: "%TAG !e! tag:example.com,2024:\n---\nv: !e!skill x\n", text: "x", style: .plain,
            tag: "tag:example.com,2024:skill"),
        ScalarCase(yaml: "v: !<tag:x.org:y> z\n", text: "z", style: .plain, tag: "tag:x.org:y"),
    ]

    @Test(arguments: cases)
    func scalar(_ c: ScalarCase) throws {
        let value = try #require(try parse(c.yaml)?["v"])
        #expect(value.content == .scalar(c.text, c.style))
        #expect(value.tag == c.tag)
    }

    @Test func keysKeepTheirStyleAndTag() throws {
        let root = try #require(try parse("'a': 1\n!!str b: 2\n"))
        let keys = try #require(root.pairs).map(\.key)
        #expect(keys[0].content == .scalar("a", .singleQuoted))
        #expect(keys[1].tag == "tag:yaml.org,2002:str")
    }

    @Test func rootScalar() throws {
        let root = try #require(try parse("just text\n"))
        #expect(root.content == .scalar("just text", .plain))
        #expect(root.position == "1:1")
    }

    @Test func explicitNullAndQuotedEmptyAreNotAnEmptyDocument() throws {
        #expect(try parse("~\n")?.isNull == true)
        #expect(try parse("--- ''\n")?.content == .scalar("", .singleQuoted))
        #expect(try parse("--- !!str\n")?.tag == "tag:yaml.org,2002:str")
    }

    @Test func stringAndBytesOverloadsAgree() throws {
        let text = "a: [1, 'two']\nb:\n  c: |\n    x\n  d: { e: f }\n"
        let fromString = try YAMLParser.parse(text, file: "f.yaml")
        let fromBytes = try YAMLParser.parse(Array(text.utf8), file: "f.yaml")
        #expect(fromString == fromBytes)
        #expect(fromString?.mark.file == "f.yaml")
    }

    @Test func byteOrderMarkIsSkippedAndDoesNotShiftColumns() throws {
        let root = try #require(try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "t.yaml"))
        #expect(root.keys == ["a"])
        #expect(root.position == "1:1")
        #expect(try #require(root["a"]).position == "1:4")
    }
}
