/// Replaces literal secrets in source text with `*`, so no excerpt (terminal, CI log, JSON) ever shows them.
enum SecretMasker {
    /// `text` with every span's characters (other than spaces) replaced by `*`: from the span's column to the
    /// end of its line, then following lines indented deeper than the key (block scalars, continuations).
    static func mask(_ text: String, spans: [SecretSpan]) -> String {
        guard !spans.isEmpty else { return text }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).map(String.init)
        for span in spans where span.line >= 1 && span.line <= lines.count {
            lines[span.line - 1] = masked(lines[span.line - 1], from: span.column)
            var next = span.line
            while next < lines.count {
                let line = lines[next]
                let indent = line.prefix { $0 == " " }.count
                let blank = line.allSatisfy { $0 == " " || $0 == "\r" }
                guard blank || indent >= span.keyColumn else { break }
                lines[next] = masked(line, from: 1)
                next += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The line breaks libyaml counts lines by (LF, CR, CRLF, NEL, LS, PS); in Swift CRLF is one `Character`.
    static func isLineBreak(_ character: Character) -> Bool {
        switch character {
        case "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// The line with characters from `column` (1-based) on masked, keeping whitespace.
    private static func masked(_ line: String, from column: Int) -> String {
        var result = ""
        for (offset, character) in line.enumerated() {
            result.append(offset + 1 < column || character.isWhitespace ? character : "*")
        }
        return result
    }
}
