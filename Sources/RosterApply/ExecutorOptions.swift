public import RosterModel

/// How an apply runs.
public struct ExecutorOptions: Sendable {
    /// Pace per provider (concurrency and per-kind spacing); the request rate itself is enforced by transports.
    public var paces: [String: Pace]
    /// After this many finished steps of a provider with no success among them, the provider is stopped.
    public var quarantineAfter: Int
    /// Failures of these kinds count towards stopping a provider early.
    public var quarantineKinds: Set<String>

    /// Creates options.
    public init(
        paces: [String: Pace] = [:], quarantineAfter: Int = 3,
        quarantineKinds: Set<String> = ["unauthorized", "unreachable", "transient", "rate-limited"]
    ) {
        self.paces = paces
        self.quarantineAfter = quarantineAfter
        self.quarantineKinds = quarantineKinds
    }
}
