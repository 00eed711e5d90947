/// A position in a YAML file, 1-based, as libyaml reports it.
public struct YAMLMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file the node came from, as given to the parser.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a mark.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Reading order.
    public static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// How a scalar was written; only plain scalars are resolved to null, booleans and numbers.
public enum YAMLScalarStyle: Sendable, Hashable {
    /// `value`
    case plain
    /// `'value'`
    case singleQuoted
    /// `"value"`
    case doubleQuoted
    /// `|`
    case literal
    /// `>`
    case folded
}

/// One node of the tree: a scalar, a sequence or a mapping, with the position where it starts.
public struct YAMLNode: Sendable, Hashable {
    /// The node's content.
    public enum Content: Sendable, Hashable {
        /// A scalar with its text and style.
        case scalar(String, YAMLScalarStyle)
        /// A sequence, in order.
        case sequence([YAMLNode])
        /// A mapping, in document order, merge keys (`<<`) already applied, keys unique.
        case mapping([YAMLPair])
    }

    /// The content.
    public var content: Content
    /// Where the node starts.
    public var mark: YAMLMark
    /// An explicit tag such as `!!str`, if any.
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, mark: YAMLMark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (usually a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// Why a YAML file could not be read, at the position libyaml (or the tree builder) reports.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for example "found character that cannot start any token".
    public var message: String
    /// Where.
    public var mark: YAMLMark
    /// libyaml's context, for example "while scanning a plain scalar", if any.
    public var context: String?

    /// Creates an error.
    public init(message: String, mark: YAMLMark, context: String? = nil) {
        self.message = message
        self.mark = mark
        self.context = context
    }

    /// `file:line:column: message (context)`.
    public var description: String {
        "\(mark): \(message)" + (context.map { " (\($0))" } ?? "")
    }
}
