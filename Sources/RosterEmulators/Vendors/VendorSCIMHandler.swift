public import Foundation
public import HTTPTypes

/// A vendor's SCIM service: the generic `SCIMEmulator` in that vendor's dialect, mounted under the vendor's path
/// prefix, optionally behind OAuth access tokens and a per-client rate limit.
///
/// Requests outside the prefix get 404; the rest reach the emulator with the prefix removed (and added to
/// `X-Forwarded-Prefix`, so `meta.location` names the vendor's path).
public actor VendorSCIMHandler: EmulatorHandler {
    /// How requests are let in before they reach the emulator.
    struct Gate: Sendable {
        /// Access tokens come from this issuer (nil: the emulator's own static token check).
        var issuer: OAuthTokenIssuer?
        /// The token may be sent without `Bearer ` (Talkdesk STS).
        var acceptsTokenWithoutScheme = false
        /// Requests per client and window, answered 429 with `Retry-After` above it.
        var perClientLimit: (limit: Int, window: Duration)?
    }

    /// The emulator behind the prefix (its store, stats and fault injection).
    public nonisolated let scim: SCIMEmulator
    private let mount: VendorMount
    private let gate: Gate
    private let clock: EmulatorClock
    private var limiters: [String: SlidingWindowLimiter] = [:]
    /// 429s answered by the per-client limit (the emulator's own stats count the rest).
    public private(set) var clientLimitRefusals = 0

    init(scim: SCIMEmulator, mount: VendorMount, gate: Gate = Gate(), clock: any Clock<Duration>) {
        self.scim = scim
        self.mount = mount
        self.gate = gate
        self.clock = EmulatorClock(clock)
    }

    /// Answers one request whose path includes the vendor prefix; see `EmulatorHandler`.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        let prefix: String
        let rest: String
        switch mount.split(request.path ?? "/") {
        case .failure(let error): return .scimError(error)
        case .success(let parts): (prefix, rest) = parts
        }
        var forwarded = request
        forwarded.path = rest
        let prefixHeader = HTTPField.Name("X-Forwarded-Prefix")!
        forwarded.headerFields[prefixHeader] = (request.headerFields[prefixHeader] ?? "") + prefix
        if let issuer = gate.issuer {
            if let refusal = await admit(&forwarded, issuer: issuer) { return refusal }
        }
        return await scim.handle(forwarded, body: body)
    }

    /// Checks the access token and the client's rate, and swaps in the emulator's own token.
    private func admit(_ request: inout HTTPRequest, issuer: OAuthTokenIssuer) async -> EmulatorResponse? {
        let header = request.headerFields[.authorization] ?? ""
        let token: String? =
            if header.hasPrefixIgnoringASCIICase("Bearer ") {
                String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            } else if gate.acceptsTokenWithoutScheme, !header.isEmpty, !header.contains(" ") {
                header
            } else {
                nil
            }
        guard let token, let client = await issuer.client(presenting: token) else {
            var error = SCIMError(
                status: 401, scimType: nil,
                detail: token == nil ? "an access token is required" : "the access token is not valid or has expired")
            error.headers[.wwwAuthenticate] = "Bearer realm=\"scim\", error=\"invalid_token\""
            return .scimError(error)
        }
        if let (limit, window) = gate.perClientLimit {
            var limiter = limiters[client] ?? SlidingWindowLimiter(limit: limit, window: window)
            let wait = limiter.admit(at: clock.elapsed())
            limiters[client] = limiter
            if let wait {
                clientLimitRefusals += 1
                let seconds = max(1, SlidingWindowLimiter.retryAfterSeconds(wait))
                var error = SCIMError(
                    status: 429, scimType: nil, detail: "rate limit exceeded; retry after \(seconds) s")
                error.headers[.retryAfter] = String(seconds)
                return .scimError(error)
            }
        }
        request.headerFields[.authorization] = "Bearer \(scim.options.token)"
        return nil
    }
}
