import Synchronization

/// Per-task context the applier sets around each step, so transports can report retries against it.
public enum RequestContext {
    /// The plan step being executed, if any.
    @TaskLocal public static var stepID: String?
    /// Receives retry notices (step id, attempt, delay, reason) for progress output.
    @TaskLocal public static var retryObserver: (@Sendable (RetryNotice) -> Void)?
    /// Counts requests sent for the current step.
    @TaskLocal public static var attempts: AttemptCounter?
}

/// A retry about to happen.
public struct RetryNotice: Sendable, Hashable {
    /// The step being executed.
    public var stepID: String?
    /// The attempt that failed (1-based).
    public var attempt: Int
    /// How long until the next try.
    public var delay: Duration
    /// Why, for example `429 Too Many Requests (Retry-After: 2)`.
    public var reason: String
}

/// A thread-safe counter of requests sent on behalf of one step.
public final class AttemptCounter: Sendable {
    private let storage = Mutex(0)

    /// Creates a counter at zero.
    public init() {}

    /// Adds one.
    public func increment() { storage.withLock { $0 += 1 } }

    /// The count.
    public var value: Int { storage.withLock { $0 } }
}
