import Synchronization

/// Per-task context the applier sets around each step, so transports can report retries against it.
///
/// One task-local holds all of it: the applier binds it once per step. (Three nested `withValue` bindings crashed in
/// `swift_task_localValuePush` in release builds.)
public enum RequestContext {
    /// The step being executed, bound by the applier around each step.
    @TaskLocal public static var current: StepContext?

    /// The plan step being executed, if any.
    public static var stepID: String? { current?.stepID }

    /// Receives retry notices (step id, attempt, delay, reason) for progress output.
    public static var retryObserver: (@Sendable (RetryNotice) -> Void)? { current?.retryObserver }

    /// Counts requests sent for the current step.
    public static var attempts: AttemptCounter? { current?.attempts }
}

/// What the applier tells transports about the step they are working for.
public final class StepContext: Sendable {
    /// The plan step's id.
    public let stepID: String?
    /// Counts requests sent for the step.
    public let attempts: AttemptCounter?
    /// Receives retry notices.
    public let retryObserver: (@Sendable (RetryNotice) -> Void)?

    /// Creates a context.
    public init(
        stepID: String? = nil, attempts: AttemptCounter? = nil,
        retryObserver: (@Sendable (RetryNotice) -> Void)? = nil
    ) {
        self.stepID = stepID
        self.attempts = attempts
        self.retryObserver = retryObserver
    }
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
