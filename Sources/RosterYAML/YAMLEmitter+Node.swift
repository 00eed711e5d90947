extension YAMLEmitter {
    /// A YAML tree to write: scalars with their style, and collections written in block or flow style.
    public indirect enum Node: Sendable, Hashable {
        /// A scalar written with the given style; `.plain` falls back to a quoted style where libyaml needs one.
        case scalar(String, YAMLScalarStyle)
        /// A sequence; `flow` writes `[a, b]` on one line.
        case sequence([Node], flow: Bool)
        /// A mapping in the given key order; `flow` writes `{a: 1, b: 2}` on one line.
        case mapping([Pair], flow: Bool)

        /// A string that reads back as exactly this string: plain when that is unambiguous, double-quoted when a
        /// plain scalar would read as null, a boolean or a number (`"true"`, `"0012"`, `"1e5"`).
        public static func string(_ text: String) -> Node {
            .scalar(text, YAMLEmitter.readsAsString(text) ? .plain : .doubleQuoted)
        }

        /// An integer, written plain.
        public static func int(_ value: Int) -> Node { .scalar(String(value), .plain) }

        /// A boolean, written `true` or `false`.
        public static func bool(_ value: Bool) -> Node { .scalar(value ? "true" : "false", .plain) }

        /// A block mapping from string keys, in the given order.
        public static func block(_ pairs: [(String, Node)]) -> Node {
            .mapping(pairs.map { Pair(.string($0.0), $0.1) }, flow: false)
        }

        /// A flow mapping from string keys, in the given order: `{a: 1, b: 2}`.
        public static func flow(_ pairs: [(String, Node)]) -> Node {
            .mapping(pairs.map { Pair(.string($0.0), $0.1) }, flow: true)
        }

        /// A flow sequence of strings: `[a, b]`.
        public static func flowList(_ items: [String]) -> Node { .sequence(items.map(Node.string), flow: true) }

        /// A parsed node written back: scalars keep their style; a collection is written in flow style when
        /// `flow` says so.
        ///
        /// Tags are dropped, so a tagged scalar (`!!str 123`) is written quoted to keep its meaning.
        public init(_ node: YAMLNode, flow: (YAMLNode) -> Bool) {
            switch node.content {
            case .scalar(let text, let style):
                self = node.tag == nil || style != .plain ? .scalar(text, style) : .string(text)
            case .sequence(let items):
                self = .sequence(items.map { Node($0, flow: flow) }, flow: flow(node))
            case .mapping(let pairs):
                self = .mapping(
                    pairs.map { Pair(Node($0.key, flow: flow), Node($0.value, flow: flow)) }, flow: flow(node))
            }
        }
    }

    /// A key and its value.
    public struct Pair: Sendable, Hashable {
        /// The key, usually a scalar.
        public var key: Node
        /// The value.
        public var value: Node

        /// Creates a pair.
        public init(_ key: Node, _ value: Node) {
            self.key = key
            self.value = value
        }
    }

    /// Whether a plain scalar with this text reads back as this string under YAML 1.2's core schema, as roster and
    /// editors read manifests (YAML 1.1's `yes`, `on` and friends are names there, so `on:` stays plain).
    ///
    /// Numbers are judged generously: anything Swift or YAML 1.1 might take for a number is quoted.
    public static func readsAsString(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        let lowered = text.lowercased()
        if ["~", "null", "true", "false"].contains(lowered) { return false }
        guard "0123456789+-.".unicodeScalars.contains(first) else { return true }
        if Double(text) != nil || lowered.hasSuffix(".inf") || lowered.hasSuffix(".nan") { return false }
        let digits = lowered.drop { $0 == "+" || $0 == "-" }
        if digits.hasPrefix("0x") || digits.hasPrefix("0o") || digits.hasPrefix("0b") { return false }
        return !digits.isEmpty && !digits.allSatisfy { $0.isNumber || $0 == "_" || $0 == "." || $0 == ":" }
    }
}
