import Foundation

/// A problem in a JSON text, with the byte offset where it was found.
struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// Offset of the offending byte from the start of the text.
    var offset: Int
    /// What was wrong.
    var message: String

    var description: String { "invalid JSON at byte \(offset): \(message)" }
}

/// A strict RFC 8259 parser into `JSONValue`.
///
/// Hand-written because Foundation's parsers cannot tell `true` from `1`
/// on every platform and because seeds of 50,000 users must load quickly.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 256

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON document; anything but white space after it is an error.
    static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try parse([UInt8](data))
    }

    /// Parses one JSON document held in `bytes` (shared, not copied); anything but white space after it is an error.
    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        try parser.expectEnd()
        return value
    }

    /// Parses one document, leaving the arrays at the key paths in `dropped` empty: their elements are read, checked
    /// and forgotten (a seed's options are wanted on every start, its 50,000 users only on the first).
    static func parse(_ bytes: [UInt8], dropping dropped: Set<[String]>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(at: [], dropping: dropped)
        try parser.expectEnd()
        return value
    }

    /// Parses a document whose root is an object, handing over each element of the arrays named in `streamed` as
    /// soon as it is read instead of keeping it, so a large snapshot never exists as one tree.
    ///
    /// - Parameters:
    ///   - streamed: Member names whose array elements go to `element`; any other value of such a member is kept.
    ///   - reading: How much of each element's tree to build (the byte range always covers all of it).
    ///   - element: Called with the member name, the element's tree and the element's byte range in `bytes`.
    /// - Returns: The root object without the streamed arrays.
    /// - Throws: `JSONParseError` for malformed text, or whatever `element` throws.
    static func parseObject(
        _ bytes: [UInt8], streaming streamed: Set<String>, reading: ElementReading = .whole,
        element: (_ member: String, _ value: JSONValue, _ range: Range<Int>) throws -> Void
    ) throws -> JSONObject {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        guard parser.current == UInt8(ascii: "{") else { throw parser.error("expected an object") }
        var object = JSONObject()
        var failure: (any Error)?
        do {
            try parser.forEachMember { parser, key throws(JSONParseError) in
                guard streamed.contains(key), parser.current == UInt8(ascii: "[") else {
                    object[key] = try parser.parseValue()
                    return
                }
                try parser.forEachElement(reading) { value, range throws(JSONParseError) in
                    do {
                        try element(key, value, range)
                    } catch {
                        failure = error
                        throw JSONParseError(offset: range.lowerBound, message: "refused by the reader")
                    }
                }
            }
            try parser.expectEnd()
        } catch {
            throw failure ?? error
        }
        return object
    }

    private mutating func expectEnd() throws(JSONParseError) {
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the document") }
    }

    /// Walks the members of the object at `index`; `body` must consume each member's value.
    private mutating func forEachMember(
        _ body: (inout JSONParser, String) throws(JSONParseError) -> Void
    ) throws(JSONParseError) {
        try enter()
        defer { depth -= 1 }
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
            index += 1
            skipWhitespace()
            try body(&self, key)
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            guard current == UInt8(ascii: "}") else { throw error("expected ',' or '}' in object") }
            index += 1
            return
        }
    }

    /// How much of each array element `forEachElement` builds.
    enum ElementReading {
        /// The whole element.
        case whole
        /// Nothing: the element is checked and read past, and `body` is not called.
        case skipped
        /// Of an object element, only these members (the others are checked and read past).
        case members(Set<String>)
    }

    /// Parses the elements of the array at `index` one at a time, handing each to `body` with its byte range.
    private mutating func forEachElement(
        _ reading: ElementReading = .whole, _ body: (JSONValue, Range<Int>) throws(JSONParseError) -> Void
    ) throws(JSONParseError) {
        try enter()
        defer { depth -= 1 }
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            let start = index
            switch reading {
            case .whole: try body(try parseValue(), start..<index)
            case .skipped: try skipValue()
            case .members(let names): try body(try parseMembers(names), start..<index)
            }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            guard current == UInt8(ascii: "]") else { throw error("expected ',' or ']' in array") }
            index += 1
            return
        }
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(offset: index, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    /// `parseValue()` for the value at `path`, emptying the arrays `dropped` names at or below it.
    private mutating func parseValue(
        at path: [String], dropping dropped: Set<[String]>
    ) throws(JSONParseError)
        -> JSONValue
    {
        guard current == UInt8(ascii: "{") else { return try parseValue() }
        var object = JSONObject()
        try forEachMember { parser, key throws(JSONParseError) in
            let member = path + [key]
            if dropped.contains(member), parser.current == UInt8(ascii: "[") {
                try parser.forEachElement(.skipped) { _, _ in }
                object[key] = .array([])
            } else if dropped.contains(where: { $0.count > member.count && $0.starts(with: member) }) {
                object[key] = try parser.parseValue(at: member, dropping: dropped)
            } else {
                object[key] = try parser.parseValue()
            }
        }
        return .object(object)
    }

    /// The value at `index`; of an object, only the members named in `names` (the others are checked and read
    /// past).
    private mutating func parseMembers(_ names: Set<String>) throws(JSONParseError) -> JSONValue {
        guard current == UInt8(ascii: "{") else { return try parseValue() }
        var object = JSONObject()
        try forEachMember { parser, key throws(JSONParseError) in
            if names.contains(key) { object[key] = try parser.parseValue() } else { try parser.skipValue() }
        }
        return .object(object)
    }

    /// Reads past the value at `index`, checking it as `parseValue()` would, without building it.
    private mutating func skipValue() throws(JSONParseError) {
        switch current {
        case UInt8(ascii: "{"): try forEachMember { parser, _ throws(JSONParseError) in try parser.skipValue() }
        case UInt8(ascii: "["): try forEachElement(.skipped) { _, _ in }
        default: _ = try parseValue()
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        for expected in word.utf8 {
            guard current == expected else { throw error("expected '\(word)'") }
            index += 1
        }
        return value
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        var object = JSONObject()
        try forEachMember { parser, key throws(JSONParseError) in object[key] = try parser.parseValue() }
        return .object(object)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        var array: [JSONValue] = []
        try forEachElement { value, _ in array.append(value) }
        return .array(array)
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw error("expected a digit")
        }
        while let byte = current, Self.isNumberByte(byte) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error("invalid number '\(text)'")
        }
        return .number(value)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        // Most strings have no escapes: find the closing quote and decode the bytes in one go.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<index - 1], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var scalars = Array(bytes[start..<index])
        while true {
            guard let byte = current else { throw error("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scalars)
            case 0..<0x20:
                index -= 1
                throw error("control character in string")
            default:
                scalars.append(byte)
            }
        }
    }

    private mutating func appendEscape(to output: inout [UInt8]) throws(JSONParseError) {
        guard let byte = current else { throw error("unterminated escape") }
        index += 1
        if let replacement = Self.simpleEscape(byte) {
            output.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw error("invalid escape") }
        var code = try parseHex4()
        if (0xD800..<0xDC00).contains(code) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("invalid code point") }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private static func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("expected four hex digits") }
        index += 4
        return value
    }
}
