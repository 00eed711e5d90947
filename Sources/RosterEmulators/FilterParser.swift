import Foundation

/// Recursive-descent parser for filters and PATCH paths.
///
/// Precedence: `not` binds tightest, then `and`, then `or`;
/// keywords and operators are case-insensitive (Webex's docs write `Eq`).
struct FilterParser {
    /// A lexical token.
    enum Token: Equatable {
        case open, close, openBracket, closeBracket
        case string(String)
        case word(String)
    }

    private static let punctuation: [Unicode.Scalar: Token] = [
        "(": .open, ")": .close, "[": .openBracket, "]": .closeBracket,
    ]

    private var tokens: [Token]
    private var position = 0
    private let acceptsUnquotedValues: Bool
    private let errorType: SCIMError.ErrorType
    private let text: String

    init(_ text: String, acceptsUnquotedValues: Bool, errorType: SCIMError.ErrorType) throws(SCIMError) {
        self.text = text
        self.acceptsUnquotedValues = acceptsUnquotedValues
        self.errorType = errorType
        self.tokens = []
        self.tokens = try tokenize(text)
    }

    private func failure(_ message: String) -> SCIMError {
        .badRequest(errorType, "\(message) in '\(text)'")
    }

    private func tokenize(_ text: String) throws(SCIMError) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r":
                index += 1
            case "(", ")", "[", "]":
                tokens.append(Self.punctuation[scalar]!)
                index += 1
            case "\"":
                tokens.append(.string(try stringLiteral(scalars, &index)))
            default:
                let start = index
                while index < scalars.count, !" \t\n\r()[]\"".unicodeScalars.contains(scalars[index]) { index += 1 }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[start..<index])
                tokens.append(.word(String(word)))
            }
        }
        return tokens
    }

    private func stringLiteral(_ scalars: [Unicode.Scalar], _ index: inout Int) throws(SCIMError) -> String {
        let start = index
        index += 1
        while index < scalars.count, scalars[index] != "\"" {
            index += scalars[index] == "\\" ? 2 : 1
        }
        guard index < scalars.count else { throw failure("unterminated string") }
        index += 1
        var literal = String.UnicodeScalarView()
        literal.append(contentsOf: scalars[start..<index])
        guard case .string(let value)? = try? JSONParser.parse(Data(String(literal).utf8)) else {
            throw failure("invalid string \(String(literal))")
        }
        return value
    }

    private var current: Token? { position < tokens.count ? tokens[position] : nil }

    private func isKeyword(_ token: Token?, _ keyword: String) -> Bool {
        if case .word(let word)? = token { return word.equalsIgnoringASCIICase(keyword) }
        return false
    }

    /// Fails unless every token was used.
    mutating func expectEnd() throws(SCIMError) {
        guard let token = current else { return }
        throw failure("unexpected \(describe(token))")
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .open: "'('"
        case .close: "')'"
        case .openBracket: "'['"
        case .closeBracket: "']'"
        case .string(let value): "\"\(value)\""
        case .word(let word): "'\(word)'"
        }
    }

    /// `or`-separated terms.
    mutating func parseOr() throws(SCIMError) -> SCIMFilter {
        var filter = try parseAnd()
        while isKeyword(current, "or") {
            position += 1
            filter = .or(filter, try parseAnd())
        }
        return filter
    }

    private mutating func parseAnd() throws(SCIMError) -> SCIMFilter {
        var filter = try parseUnary()
        while isKeyword(current, "and") {
            position += 1
            filter = .and(filter, try parseUnary())
        }
        return filter
    }

    private mutating func parseUnary() throws(SCIMError) -> SCIMFilter {
        if isKeyword(current, "not") {
            position += 1
            guard current == .open else { throw failure("expected '(' after 'not'") }
            return .not(try parseGroup())
        }
        if current == .open { return try parseGroup() }
        return try parseAttributeExpression()
    }

    private mutating func parseGroup() throws(SCIMError) -> SCIMFilter {
        position += 1
        let inner = try parseOr()
        guard current == .close else { throw failure("expected ')'") }
        position += 1
        return inner
    }

    private mutating func parseAttributePath() throws(SCIMError) -> AttributePath {
        guard case .word(let word)? = current else {
            throw failure(current.map { "expected an attribute name, found \(describe($0))" } ?? "unexpected end")
        }
        guard let path = AttributePath.parse(word) else { throw failure("invalid attribute path '\(word)'") }
        position += 1
        return path
    }

    private mutating func parseAttributeExpression() throws(SCIMError) -> SCIMFilter {
        let path = try parseAttributePath()
        if current == .openBracket {
            position += 1
            let inner = try parseOr()
            guard current == .closeBracket else { throw failure("expected ']'") }
            position += 1
            return .valuePath(path, inner)
        }
        guard case .word(let word)? = current else { throw failure("expected an operator after '\(path)'") }
        position += 1
        if word.equalsIgnoringASCIICase("pr") { return .present(path) }
        guard let op = SCIMFilter.ComparisonOperator(rawValue: word.lowercased()) else {
            throw failure("unknown operator '\(word)'")
        }
        let value = try parseComparisonValue(after: op)
        return .comparison(path, op, value)
    }

    private mutating func parseComparisonValue(after op: SCIMFilter.ComparisonOperator) throws(SCIMError) -> JSONValue {
        let value: JSONValue
        switch current {
        case .string(let string)?: value = .string(string)
        case .word(let word)?: value = try literal(word)
        case .open?, .close?, .openBracket?, .closeBracket?, nil:
            throw failure("expected a value after '\(op.rawValue)'")
        }
        position += 1
        if op.isSubstring, value.stringValue == nil { throw failure("'\(op.rawValue)' needs a string") }
        if op.isOrdering, value.numberValue == nil, value.stringValue == nil {
            throw failure("'\(op.rawValue)' needs a string, number or date")
        }
        return value
    }

    private func literal(_ word: String) throws(SCIMError) -> JSONValue {
        switch word.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if let first = word.unicodeScalars.first, first == "-" || CharacterSetASCII.digits(first),
            let number = Double(word)
        {
            return .number(number)
        }
        guard acceptsUnquotedValues else { throw failure("value '\(word)' must be quoted") }
        return .string(word)
    }

    /// `attrPath [ "[" filter "]" [ "." subAttr ] ]`.
    mutating func parsePatchPath() throws(SCIMError) -> PatchPath {
        let attribute = try parseAttributePath()
        guard current == .openBracket else { return PatchPath(attribute: attribute) }
        guard attribute.subAttribute == nil else { throw failure("a value filter cannot follow a sub-attribute") }
        position += 1
        let filter = try parseOr()
        guard current == .closeBracket else { throw failure("expected ']'") }
        position += 1
        guard case .word(let word)? = current else { return PatchPath(attribute: attribute, filter: filter) }
        let sub = word.dropFirst()
        guard word.hasPrefix("."), AttributePath.isAttributeName(sub) else {
            throw failure("invalid sub-attribute '\(word)'")
        }
        position += 1
        return PatchPath(attribute: attribute, filter: filter, valueSubAttribute: String(sub))
    }
}
