import RosterManifest
import RosterModel
import RosterRender
import Testing

@Suite("Every mistake is reported, each once")
struct ManyMistakesTests {
    /// Ten kinds of mistake, each producing exactly one diagnostic with this code.
    static let kinds: [(code: String, lines: @Sendable (Int) -> [String])] = [
        ("unknown-key", { _ in ["emial: x@acme.example"] }),
        ("type-mismatch", { _ in ["active: maybe"] }),
        ("undefined-reference", { i in ["manager: nobody\(i)@acme.example"] }),
        ("undefined-reference", { i in ["profiles: [missing\(i)]"] }),
        ("invalid-value", { _ in ["locale: english"] }),
        ("invalid-value", { _ in ["email: not-an-email"] }),
        ("vendor-rule", { _ in ["accounts: { corp: {}, five9: { roles: [agent], skills: { Sales: 11 } } }"] }),
        ("undefined-reference", { _ in ["accounts: { corp: {}, nowhere: {} }"] }),
        ("unsupported", { _ in ["accounts: { corp: {}, talkdesk: { groups: [Team] } }"] }),
        ("duplicate", { i in ["duplicateOf: \(i - 1)"] }),
    ]

    /// A manifest with `count` people, each carrying one mistake.
    static func manifest(mistakes count: Int) -> (text: String, codes: [String]) {
        var lines = [
            "version: 1", "providers:", "  corp: { type: scim, endpoint: \"emulator:\" }",
            "  five9: { type: five9, endpoint: \"emulator:\" }",
            "  talkdesk: { type: talkdesk, endpoint: \"emulator:\" }",
            "skills:", "  five9: [Sales]", "people:",
        ]
        var codes: [String] = []
        for index in 0..<count {
            let kind = kinds[index % kinds.count]
            codes.append(kind.code)
            var extra = kind.lines(index)
            var userName = "person\(index)@acme.example"
            if let line = extra.first, line.hasPrefix("duplicateOf: ") {
                userName = "PERSON\(line.dropFirst(13))@acme.example"
                extra = []
            }
            lines.append("  - userName: \(userName)")
            lines.append("    givenName: Given\(index)")
            lines.append("    familyName: Family")
            if !extra.contains(where: { $0.hasPrefix("accounts:") }) { lines.append("    accounts: { corp: {} }") }
            lines += extra.map { "    " + $0 }
        }
        return (lines.joined(separator: "\n") + "\n", codes)
    }

    @Test("a manifest with 200 mistakes gives 200 diagnostics")
    func twoHundred() {
        let (text, codes) = Self.manifest(mistakes: 200)
        let result = ManifestLoader().load(text: text, path: "mistakes.yaml")
        #expect(result.diagnostics.count == 200)
        #expect(result.diagnostics.allSatisfy { $0.isError })
        #expect(result.diagnostics.map(\.code).sorted() == codes.sorted())
        let rendered = DiagnosticRenderer(color: false, sources: result.sources).render(result.diagnostics)
        #expect(rendered.hasSuffix("200 errors, 0 warnings\n"))
        #expect(rendered.split(separator: "\n").filter { $0.contains(": error: ") }.count == 200)
    }
}
