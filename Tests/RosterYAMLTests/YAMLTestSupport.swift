import RosterYAML

/// Parses `text` as `t.yaml`.
func parse(_ text: String, limits: YAMLLimits? = nil) throws(YAMLError) -> YAMLNode? {
    let bytes = Array(text.utf8)
    return try YAMLParser.parse(bytes, file: "t.yaml", limits: limits ?? .standard(inputBytes: bytes.count))
}

/// The error parsing `text` throws, or `nil` when it parses.
func parseError(_ text: String, limits: YAMLLimits? = nil) -> YAMLError? {
    parseError(Array(text.utf8), limits: limits)
}

/// The error parsing `bytes` throws, or `nil` when they parse.
func parseError(_ bytes: [UInt8], limits: YAMLLimits? = nil) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, file: "t.yaml", limits: limits ?? .standard(inputBytes: bytes.count))
        return nil
    } catch {
        return error
    }
}

extension YAMLNode {
    /// `line:column`, for compact assertions.
    var position: String { "\(mark.line):\(mark.column)" }

    /// The scalar texts of a sequence of scalars.
    var texts: [String] { items?.compactMap(\.scalarText) ?? [] }

    /// The key texts of a mapping, in order.
    var keys: [String] { pairs?.compactMap(\.key.scalarText) ?? [] }
}

extension YAMLError {
    /// `line:column`, for compact assertions.
    var position: String { "\(mark.line):\(mark.column)" }
}
