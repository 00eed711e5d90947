/// How-to-fix suffixes for libyaml's terse scanner and parser messages.
enum LibYAMLHint {
    private static let byProblem: [String: String] = [
        "found unexpected end of stream": "a quote or bracket is probably not closed",
        "did not find expected key": "check the indentation of this line against the lines above",
        "did not find expected '-' indicator": "check the indentation of this line against the lines above",
        "mapping values are not allowed in this context": "quote values that contain ': ', or fix the indentation",
        "could not find expected ':'": "put ': ' after the key, or quote the text if it is not a key",
        "did not find expected ',' or ']'": "close the list with ']' and separate its items with ','",
        "did not find expected ',' or '}'": "close the mapping with '}' and separate its entries with ','",
    ]

    /// A suffix such as "; indent with spaces, …", or "" when there is nothing useful to add.
    static func hint(problem: String, at mark: YAMLMark, in input: UnsafeBufferPointer<UInt8>) -> String {
        switch LibYAMLPosition.byte(at: mark, in: input) {
        case 0x09:
            let what = problem.contains("tab") ? "" : " (a tab)"
            return "\(what); indent with spaces, YAML does not allow tabs in indentation"
        case 0x40, 0x60:
            return "; quote values that start with '@' or '`'"
        default:
            return byProblem[problem].map { "; \($0)" } ?? ""
        }
    }
}
