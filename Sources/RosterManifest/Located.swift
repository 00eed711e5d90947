import RosterModel

/// A value with the place it was written, so later checks can point at it.
struct Located<Value: Hashable>: Hashable {
    /// The value.
    var value: Value
    /// Where it was written.
    var location: SourceLocation
}
