import RosterModel

/// One manifest file's bytes, with the path as the user should see it.
struct ManifestFile: Sendable {
    /// The path as given (relative paths stay relative).
    var path: String
    /// The raw contents.
    var bytes: [UInt8]
}

extension ManifestFile {
    /// The contents as text, or a `not-utf8` diagnostic at the first bad byte.
    func text(_ diagnostics: DiagnosticCollector) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.error(
                .notUTF8, "file is UTF-16 encoded; roster reads UTF-8",
                at: SourceLocation(file: path, line: 1, column: 1),
                hint: "save the file as UTF-8")
            return nil
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (offset, location) = firstInvalidByte()
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        diagnostics.error(
            .notUTF8, "file is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte))", at: location,
            hint: "save the file as UTF-8")
        return nil
    }

    /// The offset of the first byte that does not decode, and its line and column (columns count characters).
    private func firstInvalidByte() -> (Int, SourceLocation) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error(let length):
                _ = length
                return (min(offset, bytes.count - 1), SourceLocation(file: path, line: line, column: column))
            case .emptyInput:
                return (max(0, bytes.count - 1), SourceLocation(file: path, line: line, column: column))
            }
        }
    }
}
