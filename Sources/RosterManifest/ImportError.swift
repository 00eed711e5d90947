/// Why imported manifests could not be written.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong and where, for example "roster.yaml: cannot parse the existing manifest (line 3)".
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
