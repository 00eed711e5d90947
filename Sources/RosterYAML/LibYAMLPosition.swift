/// Converts between byte offsets and the 1-based line and column libyaml reports, counting as libyaml does:
/// columns in characters (not bytes), and CR, LF, CRLF, NEL, LS and PS as line breaks.
///
/// Only error paths use this, so it walks the input byte by byte.
enum LibYAMLPosition {
    /// The line and column of a byte offset into `input`.
    static func mark(ofByteOffset offset: Int, in input: UnsafeBufferPointer<UInt8>, file: String) -> YAMLMark {
        let end = min(max(offset, 0), input.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            if let length = breakLength(at: index, in: input) {
                line += 1
                column = 1
                index += length
            } else {
                column += 1
                index += characterLength(input[index])
            }
        }
        return YAMLMark(file: file, line: line, column: column)
    }

    /// The first byte of the character at a mark's line and column, or `nil` past the end of that line.
    static func byte(at mark: YAMLMark, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var line = 1
        var column = 1
        var index = 0
        while index < input.count {
            let length = breakLength(at: index, in: input)
            if line == mark.line {
                if column == mark.column { return input[index] }
                if length != nil { return nil }
            }
            if let length {
                line += 1
                column = 1
                index += length
            } else {
                column += 1
                index += characterLength(input[index])
            }
        }
        return nil
    }

    /// The byte length of the line break starting at `index`, if one does.
    private static func breakLength(at index: Int, in input: UnsafeBufferPointer<UInt8>) -> Int? {
        func byte(_ offset: Int) -> UInt8? { index + offset < input.count ? input[index + offset] : nil }
        switch input[index] {
        case 0x0A: return 1
        case 0x0D: return byte(1) == 0x0A ? 2 : 1
        case 0xC2 where byte(1) == 0x85: return 2
        case 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9): return 3
        default: return nil
        }
    }

    /// How many bytes the UTF-8 character starting with `lead` takes (1 for a stray byte).
    private static func characterLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}
