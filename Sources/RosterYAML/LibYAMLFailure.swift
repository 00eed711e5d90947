internal import CLibYAML

/// A snapshot of libyaml's error fields, turned into a `YAMLError` with a 1-based position.
struct LibYAMLFailure {
    private let kind: yaml_error_type_t
    private let problem: String
    private let problemMark: yaml_mark_t
    private let problemOffset: Int
    private let problemValue: Int32
    private let context: String?
    private let contextMark: yaml_mark_t

    /// Copies the error fields out of a parser that has just failed.
    init(_ parser: yaml_parser_t) {
        kind = parser.error
        problem = parser.problem.map { String(cString: $0) } ?? "libyaml reported an unknown error"
        problemMark = parser.problem_mark
        problemOffset = parser.problem_offset
        problemValue = parser.problem_value
        context = parser.context.map { String(cString: $0) }
        contextMark = parser.context_mark
    }

    /// The error to throw; reader errors (bad bytes) are located by their byte offset in `input`.
    func error(input: UnsafeBufferPointer<UInt8>, file: String) -> YAMLError {
        switch kind {
        case YAML_READER_ERROR:
            let mark = LibYAMLPosition.mark(ofByteOffset: problemOffset, in: input, file: file)
            return YAMLError(message: readerMessage(), mark: mark)
        case YAML_MEMORY_ERROR:
            return YAMLError(message: "libyaml ran out of memory", mark: YAMLMark(file: file, line: 1, column: 1))
        default:
            let mark = Self.mark(problemMark, file: file)
            let message = problem + LibYAMLHint.hint(problem: problem, at: mark, in: input)
            return YAMLError(message: message, mark: mark, context: contextText())
        }
    }

    /// "while scanning a quoted scalar at line 3, column 7", or `nil` when libyaml gave no context.
    private func contextText() -> String? {
        guard let context else { return nil }
        return "\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1)"
    }

    /// libyaml's reader message plus the offending byte or code point (such as "byte 0xFF") and a fix.
    private func readerMessage() -> String {
        let isEncoding = problem.contains("UTF-8")
        let fix = isEncoding ? "save the file as UTF-8" : "remove it; manifests are plain text"
        guard problemValue >= 0 else { return "\(problem); \(fix)" }
        let hex = String(problemValue, radix: 16, uppercase: true)
        let digits = isEncoding ? 2 : 4
        let padded = String(repeating: "0", count: max(0, digits - hex.count)) + hex
        return "\(problem) (\(isEncoding ? "byte 0x" : "U+")\(padded)); \(fix)"
    }

    private static func mark(_ mark: yaml_mark_t, file: String) -> YAMLMark {
        YAMLMark(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
