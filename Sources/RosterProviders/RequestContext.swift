import Synchronization

/// Per-task context the applier sets around each step, so transports can report retries against it, and a session
/// sets around each provider's read of live state, so clients can report how far it got.
///
/// One task-local holds all of it: the applier binds it once per step, a session once per provider read (reads and
/// steps never nest). (Three nested `withValue` bindings crashed in `swift_task_localValuePush` in release builds.)
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

/// What the applier tells transports about the step they are working for, or a read about whom to tell how far it
/// got.
public final class StepContext: Sendable {
    /// The plan step's id.
    public let stepID: String?
    /// Counts requests sent for the step.
    public let attempts: AttemptCounter?
    /// Receives retry notices.
    public let retryObserver: (@Sendable (RetryNotice) -> Void)?
    /// Receives how far a read of live state got.
    public let readObserver: (@Sendable (ReadProgress) -> Void)?

    /// Creates a context.
    public init(
        stepID: String? = nil, attempts: AttemptCounter? = nil,
        retryObserver: (@Sendable (RetryNotice) -> Void)? = nil,
        readObserver: (@Sendable (ReadProgress) -> Void)? = nil
    ) {
        self.stepID = stepID
        self.attempts = attempts
        self.retryObserver = retryObserver
        self.readObserver = readObserver
    }
}

extension RequestContext {
    /// Tells the read's observer, if any, how far a listing got.
    public static func reportRead(_ progress: ReadProgress) {
        current?.readObserver?(progress)
    }
}

/// How far a provider's listing of one kind of object got.
public struct ReadProgress: Sendable, Hashable {
    /// The provider (manifest name).
    public var provider: String
    /// What is listed: `users`, `groups`, `skills`.
    public var kind: String
    /// How many have been read.
    public var read: Int
    /// How many there are, when the service says (a SCIM `totalResults`).
    public var total: Int?
    /// When the read of live state this listing is part of began, if whoever started it says.
    public var readBegan: ContinuousClock.Instant?

    /// Creates a report.
    public init(
        provider: String, kind: String, read: Int, total: Int?, readBegan: ContinuousClock.Instant? = nil
    ) {
        self.provider = provider
        self.kind = kind
        self.read = read
        self.total = total
        self.readBegan = readBegan
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
