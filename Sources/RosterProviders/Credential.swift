/// A resolved secret.
///
/// Prints as `***`, so it cannot leak through string interpolation or logging.
public struct Credential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; use only to build an Authorization header.
    public let secret: String

    /// Wraps a secret.
    public init(_ secret: String) { self.secret = secret }

    /// `***`.
    public var description: String { "***" }

    /// `***`.
    public var debugDescription: String { "***" }
}
