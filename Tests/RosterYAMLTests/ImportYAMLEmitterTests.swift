import RosterYAML
import Testing

/// The libyaml emitter `roster import` writes manifests with: what it writes reads back as the same tree.
@Suite struct ImportYAMLEmitterTests {
    typealias Node = YAMLEmitter.Node

    @Test func writesBlockAndFlowCollectionsAsExpected() throws {
        let tree = Node.block([
            ("version", .int(1)),
            (
                "people",
                .sequence(
                    [
                        .block([
                            ("userName", .string("maria.reyes@acme.example")),
                            ("givenName", .string("María")),
                            ("accounts", .block([("five9", .flow([("roles", .flowList(["agent"]))]))])),
                        ])
                    ], flow: false)
            ),
        ])
        let text = try YAMLEmitter().emit(tree)
        #expect(
            text == """
                version: 1
                people:
                - userName: maria.reyes@acme.example
                  givenName: María
                  accounts:
                    five9: {roles: [agent]}

                """)
    }

    @Test(arguments: [
        "true", "False", "TRUE", "null", "Null", "~", "", "123", "0012", "1e5", "-3.5", ".inf", "0x1F", "12:30",
        "emulator:", "a: b", "#hash", "- dash", "[x]", "{y}", "with \"quotes\"", "line\nbreak", " padded ", "@at",
        "`tick`", "María Nováková", "x&y", "*star", "!bang", "%pct", "'single'",
    ])
    func everyStringReadsBackAsItself(_ text: String) throws {
        let tree = Node.block([("key", .string(text)), ("list", .flowList([text])), ("map", .flow([(text, .int(1))]))])
        let root = try #require(try parse(try YAMLEmitter().emit(tree)))
        #expect(root["key"]?.scalarText == text)
        #expect(root["key"].map(Self.readsAsString) == true)
        #expect(root["list"]?.items?.first?.scalarText == text)
        #expect(root["map"]?.pairs?.first?.key.scalarText == text)
    }

    @Test func plainNamesStayPlain() throws {
        let text = try YAMLEmitter().emit(
            .flowList(["agent", "Sales Floor", "ana@acme.example", "0012ab34", "-x", "on"]))
        #expect(text == "[agent, Sales Floor, ana@acme.example, 0012ab34, -x, on]\n")
    }

    @Test func aParsedTreeIsWrittenBackWithItsStyles() throws {
        let source = """
            corp:
              type: scim
              endpoint: "emulator:"
              credentials:
                token: {env: CORP_TOKEN}
              pace: {requestsPerSecond: 5, concurrency: 2}
              note: 'single'
            """
        let parsed = try #require(try parse(source))
        let node = Node(parsed) { node in
            node.pairs.map { pairs in pairs.allSatisfy { $0.value.scalarText != nil } } ?? false
        }
        let text = try YAMLEmitter().emit(node)
        #expect(
            text == """
                corp:
                  type: scim
                  endpoint: "emulator:"
                  credentials:
                    token: {env: CORP_TOKEN}
                  pace: {requestsPerSecond: 5, concurrency: 2}
                  note: 'single'

                """)
    }

    @Test func theSameTreeGivesTheSameBytes() throws {
        let tree = Node.block((0..<200).map { ("k\($0)", Node.flowList(["a\($0)", "b"])) })
        #expect(try YAMLEmitter().emit(tree) == YAMLEmitter().emit(tree))
    }

    @Test func indentationIsConfigurable() throws {
        let text = try YAMLEmitter(indent: 4).emit(.block([("a", .block([("b", .int(1))]))]))
        #expect(text == "a:\n    b: 1\n")
    }

    /// Whether a scalar reads as a string under the manifest's YAML 1.2 rules: quoted, or plain and neither null,
    /// a boolean nor a number.
    static func readsAsString(_ node: YAMLNode) -> Bool {
        guard case .scalar(_, let style) = node.content else { return false }
        return style != .plain || (!node.isNull && node.bool == nil && node.double == nil)
    }
}
