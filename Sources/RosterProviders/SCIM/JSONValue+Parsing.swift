public import Foundation

extension JSONValue {
    /// Parses one JSON document (RFC 8259) straight into a value.
    ///
    /// `JSONDecoder` can only find out what an untyped value is by trying each type and catching the failures, which
    /// made reading 50,000 SCIM users take seconds; this reads each byte once. Numbers keep `true` apart from `1`.
    ///
    /// - Throws: `JSONSyntaxError` with the byte offset of the first problem.
    public init(parsing data: Data) throws(JSONSyntaxError) {
        let result = data.withUnsafeBytes { bytes in
            var reader = JSONByteReader(bytes)
            return Result { () throws(JSONSyntaxError) in try reader.document() }
        }
        self = try result.get()
    }
}

/// Why a text is not JSON, and where.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// Offset of the offending byte.
    public var offset: Int
    /// What was wrong there.
    public var reason: String

    /// The reason with its offset.
    public var description: String { "not JSON at byte \(offset): \(reason)" }
}

/// A cursor over the bytes of one JSON document.
struct JSONByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private var depth = 0
    /// Deeper nesting than any SCIM object has; refusing it keeps a hostile answer from exhausting the stack.
    private static let maximumDepth = 200

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The whole document: one value with only white space around it.
    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        let result = try value()
        skipSpace()
        guard position == bytes.count else { throw failure("text after the end of the document") }
        return result
    }

    private func failure(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, reason: reason)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next byte after white space, not consumed.
    private mutating func peek() throws(JSONSyntaxError) -> UInt8 {
        skipSpace()
        guard position < bytes.count else { throw failure("unexpected end of the document") }
        return bytes[position]
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            guard depth <= Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
            defer { depth -= 1 }
            return byte == UInt8(ascii: "{") ? try object() : try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var members: [String: JSONValue] = [:]
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let name = try string()
            guard try peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            position += 1
            members[name] = try value()
            switch try peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            switch try peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(elements)
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func literal(_ word: StaticString, _ result: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("unexpected end of the document") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw failure("unknown literal")
        }
        position += count
        return result
    }

    /// A number as RFC 8259 writes it, checked byte by byte, then converted by the standard library.
    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                throw failure("a number cannot start with 0")
            }
        } else {
            guard digits() > 0 else { throw failure("a number needs digits") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw failure("a fraction needs digits") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw failure("an exponent needs digits") }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            position = start
            throw failure("number out of range")
        }
        return number
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return position - start
    }

    /// A string; the common case without escapes becomes a `String` in one step.
    private mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw failure("control character in a string") }
            position += 1
        }
        throw failure("unterminated string")
    }

    /// The rest of a string that contains escapes, from its first byte.
    private mutating func escapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"): try unescape(into: &utf8)
            case ..<0x20: throw failure("control character in a string")
            default: utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func unescape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        guard position < bytes.count else { throw failure("unterminated string") }
        let code = bytes[position]
        position += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(code)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: try scalar().utf8)
        default: throw failure("unknown escape")
        }
    }

    /// A `\u` escape (after the `u`), joining a surrogate pair; a lone surrogate becomes U+FFFD.
    private mutating func scalar() throws(JSONSyntaxError) -> String {
        let first = try hex4()
        guard (0xD800..<0xDC00).contains(first) else { return Self.text(first) }
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
            bytes[position + 1] == UInt8(ascii: "u")
        else { return "\u{FFFD}" }
        position += 2
        let second = try hex4()
        guard (0xDC00..<0xE000).contains(second) else { return "\u{FFFD}" + Self.text(second) }
        return Self.text(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    /// The scalar as text; U+FFFD for a lone surrogate.
    private static func text(_ scalar: UInt32) -> String {
        String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}"))
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var result: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("bad hex digit in a \\u escape")
            }
            result = result << 4 | UInt32(digit)
            position += 1
        }
        return result
    }
}
