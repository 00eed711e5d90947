public import HTTPTypes

/// A fault the emulator injects into matching requests: an error status, added latency, or a committed write whose
/// response is lost.
///
/// Rules match by method and/or path prefix and fire for the next N matching requests, every k-th one, with a
/// probability (from the emulator's seeded generator), or always.
public struct FaultRule: Sendable, Equatable {
    /// What the rule does when it fires.
    public enum Effect: Sendable, Equatable {
        /// Answer with this status (e.g. 429, 500, 502, 503) without touching the state; `retryAfter` (seconds,
        /// may be 0) adds a `Retry-After` header.
        case status(Int, retryAfter: Int?)
        /// Wait this long on the emulator's clock before handling the request.
        case latency(Duration)
        /// Handle the request (commit any write) and then lose the response: `EmulatorResponse.dropConnection`.
        case dropResponseAfterCommit
    }

    /// Which matching requests the rule fires on.
    public enum Trigger: Sendable, Equatable {
        /// The next `n` matching requests, then never again.
        case next(Int)
        /// Every `k`-th matching request (the k-th, 2k-th, …).
        case everyNth(Int)
        /// Each matching request with probability `p` (0…1), decided by the emulator's seeded generator.
        case probability(Double)
        /// Every matching request.
        case always
    }

    /// What the rule does.
    public var effect: Effect
    /// When it fires.
    public var trigger: Trigger
    /// Only requests with this method match; nil matches any method.
    public var method: HTTPRequest.Method?
    /// Only requests whose path (without query, relative to the SCIM base) starts with this, ignoring case, match;
    /// nil matches any path.
    public var pathPrefix: String?

    /// Creates a rule.
    public init(
        _ effect: Effect, trigger: Trigger = .always, method: HTTPRequest.Method? = nil, pathPrefix: String? = nil
    ) {
        self.effect = effect
        self.trigger = trigger
        self.method = method
        self.pathPrefix = pathPrefix
    }

    /// Answers the next `times` matching requests with `code` (and `Retry-After: retryAfter` if given).
    public static func status(
        _ code: Int, retryAfter: Int? = nil, times: Int, method: HTTPRequest.Method? = nil, pathPrefix: String? = nil
    ) -> FaultRule {
        FaultRule(.status(code, retryAfter: retryAfter), trigger: .next(times), method: method, pathPrefix: pathPrefix)
    }

    /// Delays every matching request by `delay` on the emulator's clock.
    public static func latency(
        _ delay: Duration, method: HTTPRequest.Method? = nil, pathPrefix: String? = nil
    )
        -> FaultRule
    {
        FaultRule(.latency(delay), trigger: .always, method: method, pathPrefix: pathPrefix)
    }

    /// Commits the next `times` matching requests and then drops their responses.
    public static func dropResponse(
        times: Int, method: HTTPRequest.Method? = nil, pathPrefix: String? = nil
    )
        -> FaultRule
    {
        FaultRule(.dropResponseAfterCommit, trigger: .next(times), method: method, pathPrefix: pathPrefix)
    }

    /// Whether a request with `method` and `path` is one the rule looks at.
    func matches(method: HTTPRequest.Method, path: String) -> Bool {
        if let expected = self.method, expected != method { return false }
        if let pathPrefix, !path.hasPrefixIgnoringASCIICase(pathPrefix) { return false }
        return true
    }
}
