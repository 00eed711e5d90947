public import Foundation
public import HTTPTypes

/// Retries 429s (honouring `Retry-After`), 5xx answers and lost connections with jittered backoff.
///
/// Requests that are not idempotent (POST, PATCH) are retried only when the server said it did not process them
/// (429, 503); otherwise the failure reaches the provider, which looks the object up before trying again.
public struct RetryingTransport: HTTPTransport {
    let base: any HTTPTransport
    let policy: RetryPolicy
    let clock: any Clock<Duration>
    let limiter: RateLimiter?

    /// Wraps `base`.
    ///
    /// - Parameters:
    ///   - limiter: Told about `Retry-After` so every request to the provider waits, not just this one.
    public init(
        _ base: any HTTPTransport, policy: RetryPolicy = RetryPolicy(), clock: any Clock<Duration> = ContinuousClock(),
        limiter: RateLimiter? = nil
    ) {
        self.base = base
        self.policy = policy
        self.clock = clock
        self.limiter = limiter
    }

    /// Sends with retries.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        var attempt = 1
        while true {
            let failure: RetryPolicy.Failure
            let reason: String
            do {
                RequestContext.attempts?.increment()
                let (head, data) = try await base.send(request, body: body)
                guard let retryable = Self.failure(head, method: request.method) else { return (head, data) }
                failure = retryable
                reason =
                    "\(head.status.code) \(head.status.reasonPhrase)"
                    + (head.headerFields[.retryAfter].map { " (Retry-After: \($0))" } ?? "")
                if case .retry = policy.decide(after: failure, attempt: attempt) {} else { return (head, data) }
            } catch let error as TransportError where request.method.isIdempotent {
                failure = .transport(error.kind)
                reason = error.description
                if case .giveUp = policy.decide(after: failure, attempt: attempt) { throw error }
            }
            guard case .retry(let delay) = policy.decide(after: failure, attempt: attempt) else { continue }
            if case .rateLimited = failure { await limiter?.pause(for: delay) }
            RequestContext.retryObserver?(
                RetryNotice(stepID: RequestContext.stepID, attempt: attempt, delay: delay, reason: reason))
            try await clock.sleep(for: delay)
            attempt += 1
        }
    }

    /// The retryable failure an answer represents, if any.
    static func failure(_ head: HTTPResponse, method: HTTPRequest.Method) -> RetryPolicy.Failure? {
        let code = head.status.code
        if code == 429 { return .rateLimited(retryAfter: retryAfter(head)) }
        if code == 503 { return .serverError(status: code) }
        if code >= 500 && method.isIdempotent { return .serverError(status: code) }
        return nil
    }

    /// `Retry-After` in seconds (the HTTP-date form is treated as absent).
    static func retryAfter(_ head: HTTPResponse) -> Duration? {
        guard let value = head.headerFields[.retryAfter],
            let seconds = Double(value.trimmingCharacters(in: .whitespaces))
        else { return nil }
        return .seconds(seconds)
    }
}
