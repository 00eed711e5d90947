public import Foundation
public import HTTPTypes

/// Sends each request through the provider's rate limiter and concurrency cap.
public struct PacedTransport: HTTPTransport {
    let base: any HTTPTransport
    /// The rate limiter, shared with the retrying layer so `Retry-After` slows everyone down.
    public let limiter: RateLimiter
    let concurrency: ConcurrencyLimiter

    /// Wraps `base` at `pace`.
    public init(_ base: any HTTPTransport, limiter: RateLimiter, concurrency: Int) {
        self.base = base
        self.limiter = limiter
        self.concurrency = ConcurrencyLimiter(limit: concurrency)
    }

    /// Waits for a slot and a place, then sends.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        await concurrency.acquire()
        do {
            try await limiter.acquire()
            let result = try await base.send(request, body: body)
            await concurrency.release()
            return result
        } catch {
            await concurrency.release()
            throw error
        }
    }
}
