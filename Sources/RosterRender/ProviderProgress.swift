/// How far one provider's apply has got, for `ProgressRenderer`.
public struct ProviderProgress: Sendable, Hashable {
    /// The provider name.
    public var name: String
    /// Steps finished (applied, already done, failed, skipped or manual).
    public var done: Int
    /// Steps in total.
    public var total: Int
    /// Steps that failed so far.
    public var failed: Int
    /// The request rate over the last few seconds.
    public var requestsPerSecond: Double
    /// Seconds until the provider is done at the current pace, when known.
    public var etaSeconds: Double?

    /// Creates a progress row.
    public init(
        name: String, done: Int, total: Int, failed: Int = 0, requestsPerSecond: Double = 0, etaSeconds: Double? = nil
    ) {
        self.name = name
        self.done = done
        self.total = total
        self.failed = failed
        self.requestsPerSecond = requestsPerSecond
        self.etaSeconds = etaSeconds
    }
}
