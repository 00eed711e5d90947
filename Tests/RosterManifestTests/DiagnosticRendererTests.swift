import Foundation
import RosterManifest
import RosterModel
import RosterRender
import Testing

@Suite("DiagnosticRenderer")
struct DiagnosticRendererTests {
    static let file = "examples/x/roster.yaml"

    /// Twelve lines, with the lines the diagnostics point at.
    static let sources: [String: String] = [
        file: (1...14).map { line -> String in
            switch line {
            case 3: "  - userName: jane@acme.example"
            case 7: "\tteams: [\"Night Shift\", Day]"
            case 9: "    title: \"Senior Agent\"   # quoted"
            case 12: "    emial: jane@acme.example"
            default: "    # line \(line)"
            }
        }.joined(separator: "\n") + "\n"
    ]

    static func at(_ line: Int, _ column: Int) -> RosterModel.SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static let diagnostics: [Diagnostic] = [
        .error("unknown-key", "unknown key 'emial' in person", at: at(12, 5), hint: "did you mean 'email'?"),
        .error("duplicate", "person 'jane@acme.example' is declared twice", at: at(12, 5), related: [at(3, 5)]),
        .error("invalid-value", "invalid value", at: at(9, 12)),
        .error("undefined-reference", "no group 'Day' on provider 'five9'", at: at(7, 25)),
        .error("vendor-rule", "past the end", at: at(99, 1)),
        .error("unknown-key", "a file not in sources", at: SourceLocation(file: "other.yaml", line: 1234, column: 3)),
        .warning("empty-file", "file is empty; skipped", at: SourceLocation(file: "empty.yaml", line: 0, column: 0)),
        .error("input-not-found", "no such file or directory: 'missing'", at: nil),
        Diagnostic(severity: .note, code: "note", message: "a note", location: at(3, 15)),
    ]

    @Test("plain text, clang style, with a count line")
    func plain() throws {
        let renderer = DiagnosticRenderer(color: false, sources: Self.sources)
        let text = renderer.render(Self.diagnostics)
        #expect(!text.contains("\u{1B}"))
        try Golden.check(text, "diagnostics.txt")
    }

    @Test("the brief's example renders exactly")
    func briefExample() {
        let renderer = DiagnosticRenderer(color: false, sources: Self.sources)
        let diagnostic = Diagnostic.error(
            "duplicate", "unknown key 'emial' in person", at: Self.at(12, 5), hint: "did you mean 'email'?",
            related: [Self.at(3, 5)])
        #expect(
            renderer.render(diagnostic) == """
                examples/x/roster.yaml:12:5: error: unknown key 'emial' in person; did you mean 'email'?
                   12 |     emial: jane@acme.example
                      |     ^~~~~
                examples/x/roster.yaml:3:5: note: first defined here

                """)
    }

    @Test("colour uses ANSI bold, red and yellow")
    func color() throws {
        let renderer = DiagnosticRenderer(color: true, sources: Self.sources)
        let text = renderer.render(Self.diagnostics)
        #expect(text.contains("\u{1B}[1;31merror:"))
        #expect(text.contains("\u{1B}[1;33mwarning:"))
        try Golden.check(text, "diagnostics-color.txt")
    }

    @Test("JSON form with sorted keys")
    func json() throws {
        let renderer = DiagnosticRenderer(color: false, sources: Self.sources)
        let text = renderer.json(Self.diagnostics)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["format_version"] as? Int == 1)
        #expect((object?["summary"] as? [String: Int]) == ["errors": 7, "warnings": 1, "notes": 1])
        try Golden.check(text, "diagnostics.json")
        #expect(renderer.json([]).contains("\"diagnostics\" : [\n\n  ]") || renderer.json([]).contains("[]"))
    }

    @Test("CRLF and CR line endings find the right line")
    func lineEndings() {
        let renderer = DiagnosticRenderer(
            color: false, sources: ["a.yaml": "one\r\ntwo: x\r\nthree", "b.yaml": "a\rb: c\r"])
        let first = renderer.render(
            .error("c", "m", at: RosterModel.SourceLocation(file: "a.yaml", line: 2, column: 1)))
        #expect(first.contains("    2 | two: x\n      | ^~~\n"))
        let second = renderer.render(
            .error("c", "m", at: RosterModel.SourceLocation(file: "b.yaml", line: 2, column: 4)))
        #expect(second.contains("    2 | b: c\n      |    ^\n"))
    }

    @Test("counts are singular and plural")
    func counts() {
        let renderer = DiagnosticRenderer(color: false, sources: [:])
        #expect(renderer.render([]) == "0 errors, 0 warnings\n")
        let one = renderer.render([.error("x", "m", at: nil), .warning("y", "w", at: nil)])
        #expect(one.hasSuffix("1 error, 1 warning\n"))
    }

    @Test("a loader run renders with literal secrets masked")
    func loaderOutput() throws {
        let text = try String(contentsOfFile: TestPaths.fixture("invalid/providers.yaml"), encoding: .utf8)
        let result = ManifestLoader().load(text: text, path: "providers.yaml")
        let rendered = DiagnosticRenderer(color: false, sources: result.sources).render(result.diagnostics)
        for secret in ["s3cr3t-value-123", "hunter2", "lower-case-secret"] {
            #expect(!rendered.contains(secret))
            #expect(!renderer(result).json(result.diagnostics).contains(secret))
            #expect(!result.sources.values.contains { $0.contains(secret) })
        }
        try Golden.check(rendered, "providers.txt")
    }

    private func renderer(_ result: ManifestLoadResult) -> DiagnosticRenderer {
        DiagnosticRenderer(color: false, sources: result.sources)
    }
}
