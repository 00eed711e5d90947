import RosterModel
import RosterYAML

extension YAMLNode {
    /// Where the node starts, in the model's vocabulary.
    var location: SourceLocation { SourceLocation(file: mark.file, line: mark.line, column: mark.column) }

    /// The text of a scalar YAML 1.2 reads as a string: quoted, block, `!!str`, or plain and not null, a boolean
    /// or a number. (`Nan` and `Infinity` are names here, not numbers.)
    var stringValue: String? {
        guard case .scalar(let text, let style) = content else { return nil }
        if let tag { return tag == "tag:yaml.org,2002:str" ? text : nil }
        if style != .plain { return text }
        // Only scalars starting with these characters can be null, a boolean or a number; most names start with
        // something else and skip the checks.
        guard let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isNull || bool != nil ? nil : text
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return YAMLNumber.isNumber(text) ? nil : text
        default:
            return text
        }
    }

    /// A plain YAML 1.2 integer.
    var integerValue: Int? {
        guard tag == nil, case .scalar(let text, .plain) = content, YAMLNumber.isInteger(text) else { return nil }
        return Int(text)
    }

    /// A plain YAML 1.2 number (integer or finite float).
    var numberValue: Double? {
        guard tag == nil, case .scalar(let text, .plain) = content, YAMLNumber.isNumber(text) else { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A plain YAML 1.2 boolean.
    var boolValue: Bool? { tag == nil ? bool : nil }

    /// "a string", "a number", "a boolean", "null", "a list" or "a mapping", for "expected X, found Y".
    var manifestKind: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            if stringValue != nil { return "a string" }
            if isNull { return "null" }
            if bool != nil { return "a boolean" }
            return "a number"
        }
    }
}

/// YAML 1.2 core-schema number recognition, without regular expressions (it runs for every plain scalar).
enum YAMLNumber {
    /// `[-+]?[0-9]+`.
    static func isInteger(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// Integers, `0o`/`0x` forms, decimals with optional exponent, `.inf` and `.nan` spellings.
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || isDigit(first)
        else { return false }
        let bytes = Array(text.utf8)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let rest = bytes[2...]
            if bytes[1] == UInt8(ascii: "o") { return rest.allSatisfy { $0 >= 0x30 && $0 <= 0x37 } }
            if bytes[1] == UInt8(ascii: "x") { return rest.allSatisfy { isDigit($0) || isHexLetter($0) } }
        }
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        let body = String(decoding: bytes[index...], as: UTF8.self)
        if [".inf", ".Inf", ".INF"].contains(body) { return true }
        return isDecimal(bytes[index...])
    }

    /// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isDecimal(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        let integerDigits = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(integerDigits)
        var fractionDigits = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if let first = rest.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            return !rest.isEmpty && rest.allSatisfy(isDigit)
        }
        return rest.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
