import Foundation
public import RosterModel

/// Renders diagnostics the way clang and swiftc do, and as JSON for `--output json`.
///
/// Each diagnostic is `file:line:column: error: message`, the source line with a caret under the spot, then a
/// note for each related place.
///
/// ```
/// roster.yaml:12:5: error: unknown key 'emial' in person; did you mean 'email'?
///    12 |     emial: jane@acme.example
///       |     ^~~~~
/// roster.yaml:3:5: note: first defined here
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI bold, red and yellow.
    public var color: Bool
    /// File path → text, for excerpts (the loader's `sources`, with secrets already masked).
    public var sources: [String: String]

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - color: Whether to emit ANSI escape codes; without it the output has none.
    ///   - sources: The text of each file, by path, used to show the offending line.
    public init(color: Bool, sources: [String: String]) {
        self.color = color
        self.sources = sources
    }

    /// One diagnostic: the headline, the excerpt with a caret when the source is known, and its notes.
    public func render(_ diagnostic: Diagnostic) -> String {
        var cache: [String: [Substring]] = [:]
        return render(diagnostic, lines: &cache)
    }

    /// All diagnostics in the order given, then a count line such as `2 errors, 1 warning`.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var cache: [String: [Substring]] = [:]
        var output = ""
        for diagnostic in diagnostics { output += render(diagnostic, lines: &cache) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return output + Self.count(errors, "error") + ", " + Self.count(warnings, "warning") + "\n"
    }

    /// The JSON form, with sorted keys so equal input gives identical bytes.
    ///
    /// `{"diagnostics": [...], "format_version": 1, "summary": {"errors", "notes", "warnings"}}`, each diagnostic
    /// with `code`, `severity`, `message`, optional `hint` and `location` (`file`, `line`, `column`), and
    /// `related` locations.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        let document = DiagnosticsDocument(diagnostics)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func render(_ diagnostic: Diagnostic, lines cache: inout [String: [Substring]]) -> String {
        let text = diagnostic.message + (diagnostic.hint.map { "; " + $0 } ?? "")
        var output = headline(diagnostic.location, diagnostic.severity, text)
        if let location = diagnostic.location, let line = sourceLine(location, &cache) {
            output += excerpt(line, location, diagnostic.severity)
        }
        let label = diagnostic.code == "duplicate" ? "first defined here" : "related location"
        for related in diagnostic.related { output += headline(related, .note, label) }
        return output
    }

    /// `file:line:column: severity: message`, with colour when asked.
    private func headline(_ location: SourceLocation?, _ severity: Diagnostic.Severity, _ message: String) -> String {
        let place = location.map { $0.line > 0 ? "\($0): " : "\($0.file): " } ?? ""
        let tag = severity.rawValue + ":"
        guard color else { return place + tag + " " + message + "\n" }
        return Self.bold + place + Self.reset + style(severity) + tag + Self.reset + Self.bold + " " + message
            + Self.reset + "\n"
    }

    /// The source line with its number, and a caret line underlining the token at the column.
    private func excerpt(_ line: Substring, _ location: SourceLocation, _ severity: Diagnostic.Severity) -> String {
        let number = String(location.line)
        let width = max(5, number.count + 1)
        let gutter = String(repeating: " ", count: width - number.count) + number + " | "
        let blank = String(repeating: " ", count: width) + " | "
        let prefix = line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let length = Self.tokenLength(line.dropFirst(max(0, location.column - 1)))
        var marker = "^" + String(repeating: "~", count: max(0, length - 1))
        if color { marker = style(severity) + marker + Self.reset }
        return gutter + line + "\n" + blank + prefix + marker + "\n"
    }

    /// The line at `location`, from a per-render cache of split sources.
    private func sourceLine(_ location: SourceLocation, _ cache: inout [String: [Substring]]) -> Substring? {
        guard location.line >= 1 else { return nil }
        if cache[location.file] == nil {
            guard let text = sources[location.file] else { return nil }
            cache[location.file] = text.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
        }
        guard let lines = cache[location.file], location.line <= lines.count else { return nil }
        return lines[location.line - 1]
    }

    /// The line breaks YAML (libyaml) counts lines by; in Swift a CRLF pair is one `Character`.
    private static func isLineBreak(_ character: Character) -> Bool {
        switch character {
        case "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// How many characters to underline: a quoted string, or a run up to a space, flow punctuation or `: `.
    static func tokenLength(_ rest: Substring) -> Int {
        guard let first = rest.first else { return 1 }
        if first == "\"" || first == "'" {
            let close = rest.dropFirst().firstIndex(of: first)
            return close.map { rest.distance(from: rest.startIndex, to: $0) + 1 } ?? rest.count
        }
        var length = 0
        var index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            let next = rest.index(after: index)
            if character.isWhitespace || ",[]{}".contains(character) { break }
            if character == ":" && (next == rest.endIndex || rest[next].isWhitespace) { break }
            length += 1
            index = next
        }
        return max(1, length)
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private func style(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: Self.bold
        }
    }

    private static let bold = "\u{1B}[1m"
    private static let reset = "\u{1B}[0m"
}

/// The JSON document for `--output json` (wire shape kept apart from the model, STYLE R8).
private struct DiagnosticsDocument: Encodable {
    struct Entry: Encodable {
        var severity: String
        var code: String
        var message: String
        var hint: String?
        var location: Location?
        var related: [Location]
    }

    struct Location: Encodable {
        var file: String
        var line: Int
        var column: Int

        init(_ location: SourceLocation) {
            (file, line, column) = (location.file, location.line, location.column)
        }
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var notes: Int
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case diagnostics
        case summary
    }

    var formatVersion = 1
    var diagnostics: [Entry]
    var summary: Summary

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, code: $0.code, message: $0.message, hint: $0.hint,
                location: $0.location.map(Location.init), related: $0.related.map(Location.init))
        }
        summary = Summary(
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            notes: diagnostics.filter { $0.severity == .note }.count)
    }
}
