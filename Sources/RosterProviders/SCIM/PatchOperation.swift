/// One SCIM PATCH operation (RFC 7644 §3.5.2).
public struct PatchOperation: Sendable, Hashable {
    /// `add`, `replace` or `remove`.
    public enum Op: String, Sendable, Hashable {
        /// Adds values (or sets an absent attribute).
        case add
        /// Replaces values.
        case replace
        /// Removes values.
        case remove
    }

    /// The operation.
    public var op: Op
    /// The attribute path, for example `title` or `members[value eq "2819c223"]`; nil for a whole-object merge.
    public var path: String?
    /// The value, absent for most removes.
    public var value: JSONValue?

    /// Creates an operation.
    public init(_ op: Op, path: String?, value: JSONValue? = nil) {
        self.op = op
        self.path = path
        self.value = value
    }

    /// The wire form.
    var json: JSONValue {
        var object: [String: JSONValue] = ["op": .string(op.rawValue)]
        if let path { object["path"] = .string(path) }
        if let value { object["value"] = value }
        return .object(object)
    }
}
