/// Why an `EmulatorServer` refused to start.
public struct EmulatorServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Kind: Sendable, Equatable {
        /// The host is not a loopback address; emulators are only ever served on this machine.
        case hostNotLoopback
        /// A handler name is empty or contains `/`, so it cannot be the first path segment.
        case invalidHandlerName
        /// The port is outside 0...65535.
        case invalidPort
    }

    /// The kind of refusal.
    public let kind: Kind
    /// What was refused and how to fix it.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
