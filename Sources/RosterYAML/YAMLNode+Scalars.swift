extension YAMLNode {
    /// The text of a scalar node, whatever its style; `nil` for collections.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether this is a plain null (`~`, `null`, `Null`, `NULL`, or empty) or tagged `!!null`.
    public var isNull: Bool {
        guard case .scalar(let text, let style) = content else { return false }
        if tag == "tag:yaml.org,2002:null" { return true }
        return style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// A plain boolean (`true`/`false` in YAML 1.2 spellings), else `nil`.
    public var bool: Bool? {
        guard case .scalar(let text, .plain) = content else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A plain decimal integer, else `nil`.
    public var int: Int? {
        guard case .scalar(let text, .plain) = content else { return nil }
        return Int(text)
    }

    /// A plain decimal or floating-point number, else `nil`.
    public var double: Double? {
        guard case .scalar(let text, .plain) = content else { return nil }
        return Double(text)
    }

    /// The pairs of a mapping, else `nil`.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items of a sequence, else `nil`.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for a scalar key in a mapping, else `nil`.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalarText == key }?.value
    }

    /// "a string", "a list", "a mapping", "null", "a number", "a boolean": for "expected X, found Y" messages.
    public var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            if isNull { return "null" }
            if bool != nil { return "a boolean" }
            if double != nil { return "a number" }
            return "a string"
        }
    }
}
