/// Decides whether and when to retry a request.
///
/// Pure: `(failure, attempt) -> decision`, randomness injected.
public struct RetryPolicy: Sendable {
    /// What went wrong with one attempt.
    public enum Failure: Sendable, Hashable {
        /// 429, with the server's `Retry-After` when it sent one.
        case rateLimited(retryAfter: Duration?)
        /// A 5xx status.
        case serverError(status: Int)
        /// No response at all.
        case transport(TransportError.Kind)
    }

    /// The decision.
    public enum Decision: Sendable, Hashable {
        /// Wait, then try again.
        case retry(after: Duration)
        /// Stop and surface the failure.
        case giveUp
    }

    /// Attempts in total, the first included.
    public var maxAttempts: Int
    /// The first backoff.
    public var baseDelay: Duration
    /// The longest backoff (and the longest `Retry-After` honoured before giving up).
    public var maxDelay: Duration
    /// Returns a value in 0..<1 for jitter.
    public var random: @Sendable () -> Double

    /// Creates a policy.
    public init(
        maxAttempts: Int = 6, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(60),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// Decides after attempt number `attempt` (1-based) failed with `failure`.
    public func decide(after failure: Failure, attempt: Int) -> Decision {
        guard attempt < maxAttempts else { return .giveUp }
        switch failure {
        case .rateLimited(let retryAfter?) where retryAfter > .zero:
            return retryAfter <= maxDelay ? .retry(after: retryAfter) : .giveUp
        case .transport(.unreachable):
            // The HTTP client already retried connecting until its connect timeout; more tries only hide the cause.
            return .giveUp
        case .rateLimited, .serverError, .transport:
            return .retry(after: backoff(attempt: attempt))
        }
    }

    /// Full-jitter exponential backoff: a random delay up to base × 2^(attempt-1), capped.
    public func backoff(attempt: Int) -> Duration {
        let ceiling = min(maxDelay, baseDelay * Int(1 << min(attempt - 1, 20)))
        return ceiling * max(0.05, random())
    }
}
