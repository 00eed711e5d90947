/// Reads one YAML document into a tree of `YAMLNode`s, each marked with the file, line and column where it starts.
///
/// Built on libyaml's event parser. Aliases are expanded, merge keys (`<<`) applied and duplicate keys rejected,
/// so consumers see plain mappings with unique keys. Alias bombs and absurd nesting stop with an error.
///
/// Positions: an alias expands to a copy of its anchored node whose root carries the alias's position (so a
/// problem with the value points where it is used), while the nodes inside keep where they were written; pairs
/// that a merge key brings in keep the positions of the mapping they came from. Parsing shares no state, so
/// several files can be parsed concurrently.
public enum YAMLParser {
    /// UTF-8's byte order mark, which libyaml would count as a character of the first line.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses the bytes of a YAML file (UTF-8, a byte order mark is fine).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The name to put in every mark, as the user should see it.
    /// - Returns: The document's root node, or `nil` when the file holds no content (empty, only comments,
    ///   or an empty `---` document).
    /// - Throws: `YAMLError` at the offending position for malformed YAML, invalid UTF-8 or control characters,
    ///   a second document, an undefined alias, a duplicate or non-scalar key, a bad merge key, or a document
    ///   that nests deeper than 1,000 levels or expands (through aliases and merge keys) to more nodes than
    ///   a million or two per input byte, whichever is more.
    public static func parse(_ bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode? {
        try parse(bytes, file: file, limits: .standard(inputBytes: bytes.count))
    }

    /// Parses YAML text; see `parse(_:file:)` for the bytes.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The name to put in every mark.
    /// - Returns: The document's root node, or `nil` when the text holds no content.
    /// - Throws: `YAMLError` as `parse(_:file:)` does.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode? {
        try parse(Array(text.utf8), file: file)
    }

    /// Parses with explicit limits, so tests can reach them cheaply.
    package static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits) throws(YAMLError) -> YAMLNode? {
        let body = bytes.starts(with: byteOrderMark) ? bytes[3...] : bytes[...]
        guard !body.isEmpty else { return nil }
        return try body.withUnsafeBufferPointer { (buffer) throws(YAMLError) in
            try parseDocument(buffer, file: file, limits: limits)
        }
    }

    /// The event loop: one document only, every node event handed to the tree builder.
    private static func parseDocument(
        _ input: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits
    ) throws(YAMLError) -> YAMLNode? {
        let parser = try LibYAMLParser(input: input, file: file)
        var builder = YAMLTreeBuilder(file: file, limits: limits)
        var documents = 0
        while true {
            switch try parser.next() {
            case .scalar(let text, let style, let properties):
                try builder.scalar(text, style: style, properties)
            case .mappingStart(let properties):
                try builder.start(mapping: true, properties)
            case .sequenceStart(let properties):
                try builder.start(mapping: false, properties)
            case .collectionEnd:
                try builder.end()
            case .alias(let name, let position):
                try builder.alias(name, at: position)
            case .documentStart(let position):
                documents += 1
                if documents > 1 { throw secondDocument(at: position, file: file) }
            case .streamEnd:
                return withoutEmptyRoot(builder.root)
            case .ignored:
                continue
            }
        }
    }

    /// `nil` for a document whose only content is the empty scalar libyaml reports for `---` with nothing after.
    private static func withoutEmptyRoot(_ root: YAMLNode?) -> YAMLNode? {
        guard let root, case .scalar("", .plain) = root.content, root.tag == nil else { return root }
        return nil
    }

    private static func secondDocument(at position: YAMLEvent.Position, file: String) -> YAMLError {
        YAMLError(
            message: "a manifest file holds one YAML document; split the others into files of their own",
            mark: YAMLMark(file: file, line: position.line, column: position.column))
    }
}
