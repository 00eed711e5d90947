/// One attribute's move from its live value to its desired value.
public struct AttributeChange: Sendable, Hashable, Codable {
    /// The canonical attribute name (see `Attribute`), or `active`, `userName`, `members`, `level`.
    public var name: String
    /// The live value; `nil` when unset.
    public var before: AttributeValue?
    /// The desired value; `nil` when it is removed.
    public var after: AttributeValue?

    /// Creates a change.
    public init(name: String, before: AttributeValue?, after: AttributeValue?) {
        self.name = name
        self.before = before
        self.after = after
    }
}
