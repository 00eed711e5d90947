import Foundation

/// A `*NamePattern` argument (five9.md §6): a Java regular expression matched against whole names
/// (`String.matches`), or anywhere in the name in `find` mode; absent or empty means every name.
///
/// Patterns that are plain or escaped literals (`jdoe@example\.com`, `\Qa.b\E`), optionally followed by `.*`, are
/// answered without a regular expression: an exact lookup or a prefix test.
enum Five9NamePattern {
    /// How a pattern is matched.
    enum Mode: String, Sendable {
        /// The whole name must match (Java `matches`); the default.
        case full
        /// Some part of the name must match (Java `find`).
        case find
    }

    /// Every name.
    case all
    /// Exactly this name.
    case exact(String)
    /// Names starting with this.
    case prefix(String)
    /// A compiled regular expression; `anchored` means it must match the whole name.
    case regex(NSRegularExpression)

    /// Compiles `pattern` once for a whole listing.
    ///
    /// - Throws: `InvalidRegexpPatternFault` if it is not a valid regular expression.
    static func compile(_ pattern: String?, mode: Mode) throws(Five9Fault) -> Five9NamePattern {
        guard let pattern, !pattern.isEmpty, pattern != ".*" else { return .all }
        if mode == .full, let literal = literal(pattern) {
            return literal.wildcardTail ? .prefix(literal.text) : .exact(literal.text)
        }
        let closesQuote = unterminatedQuote(pattern) ? "\\E" : ""
        let source = mode == .full ? "\\A(?:\(pattern)\(closesQuote))\\z" : pattern + closesQuote
        do {
            return .regex(try NSRegularExpression(pattern: source))
        } catch {
            throw .invalidRegexpPattern(pattern)
        }
    }

    /// Whether `name` matches.
    func matches(_ name: String) -> Bool {
        switch self {
        case .all: true
        case .exact(let text): name == text
        case .prefix(let text): name.hasPrefix(text)
        case .regex(let expression):
            expression.firstMatch(in: name, range: NSRange(location: 0, length: name.utf16.count)) != nil
        }
    }

    /// The literal text of a pattern made of ordinary characters, `\`-escaped punctuation and `\Q…\E`, and
    /// whether it ends in `.*`; nil if it uses any other regular-expression syntax.
    static func literal(_ pattern: String) -> (text: String, wildcardTail: Bool)? {
        let scan = scan(pattern)
        guard var tokens = scan.tokens else { return nil }
        var wildcardTail = false
        if tokens.suffix(2) == [.meta("."), .meta("*")] {
            tokens.removeLast(2)
            wildcardTail = true
        }
        var text = String.UnicodeScalarView()
        for token in tokens {
            guard case .literal(let scalar) = token else { return nil }
            text.append(scalar)
        }
        return (String(text), wildcardTail)
    }

    /// One character of a pattern: matched as itself, or regular-expression syntax.
    private enum Token: Equatable {
        case literal(Unicode.Scalar)
        case meta(Unicode.Scalar)
    }

    private static let metacharacters: Set<Unicode.Scalar> = [
        "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}",
    ]

    /// Splits a pattern into tokens (nil once it uses an escape such as `\d` that is neither punctuation nor a
    /// quote) and tells whether a `\Q` is left open at the end.
    private static func scan(_ pattern: String) -> (tokens: [Token]?, unterminatedQuote: Bool) {
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [Token]? = []
        var quoted = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if quoted {
                if scalar == "\\", next == "E" {
                    quoted = false
                    index += 2
                } else {
                    tokens?.append(.literal(scalar))
                    index += 1
                }
                continue
            }
            guard scalar == "\\" else {
                tokens?.append(metacharacters.contains(scalar) ? .meta(scalar) : .literal(scalar))
                index += 1
                continue
            }
            switch next {
            case "Q"?: quoted = true
            case let escaped? where !escaped.properties.isAlphabetic && !("0"..."9").contains(escaped):
                tokens?.append(.literal(escaped))
            default: tokens = nil
            }
            index += 2
        }
        return (tokens, quoted)
    }

    /// Whether `pattern` opens `\Q` without closing it (Java quotes to the end then).
    private static func unterminatedQuote(_ pattern: String) -> Bool {
        scan(pattern).unterminatedQuote
    }
}
