import Foundation
import HTTPTypes

/// The OAuth 2 client-credentials grant of a vendor's login host: which clients exist, and which access tokens
/// they were issued and until when (on the emulator's clock).
///
/// Shared by the token endpoint (`OAuthTokenEndpoint`) and the SCIM handler that checks the tokens.
public actor OAuthTokenIssuer {
    /// What the grant demands and grants.
    struct Policy: Sendable {
        /// Client id → client secret.
        var clients: [String: String]
        /// The scope a request must ask for (Talkdesk: `scim`), or nil when scopes are not used (Genesys).
        var requiredScope: String?
        /// How long a token lives when the request names no lifetime.
        var lifetime: Duration
        /// The request may ask for a lifetime up to this with `expires_in` (Talkdesk STS); nil ignores it.
        var maxRequestedLifetime: Duration?
    }

    private let policy: Policy
    private let clock: EmulatorClock
    private var tokens: [String: (client: String, expires: Duration)] = [:]
    /// How many tokens have been granted since the emulator started.
    public private(set) var grantsIssued = 0

    init(policy: Policy, clock: EmulatorClock) {
        self.policy = policy
        self.clock = clock
    }

    /// The number of tokens issued and not yet expired.
    public var liveTokenCount: Int {
        let now = clock.elapsed()
        return tokens.values.filter { $0.expires > now }.count
    }

    /// The client a token was issued to, or nil if it is unknown or expired.
    func client(presenting token: String) -> String? {
        guard let entry = tokens[token] else { return nil }
        guard entry.expires > clock.elapsed() else {
            tokens[token] = nil
            return nil
        }
        return entry.client
    }

    /// Answers a token request: the client from Basic credentials, the form fields from the body.
    func grant(basic credentials: (id: String, secret: String)?, form: [String: String]) -> EmulatorResponse {
        guard let credentials, let secret = policy.clients[credentials.id], secret == credentials.secret else {
            return Self.oauthError(401, "invalid_client", "client authentication failed")
        }
        guard form["grant_type"] == "client_credentials" else {
            return Self.oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials")
        }
        if let scope = policy.requiredScope {
            let asked = (form["scope"] ?? "").split(separator: " ").map(String.init)
            guard asked.contains(scope) else {
                return Self.oauthError(400, "invalid_scope", "the scope must include \(scope)")
            }
        }
        var lifetime = policy.lifetime
        if let maximum = policy.maxRequestedLifetime, let text = form["expires_in"] {
            guard let seconds = Int(text), seconds > 0 else {
                return Self.oauthError(400, "invalid_request", "expires_in must be a positive whole number")
            }
            lifetime = min(.seconds(seconds), maximum)
        }
        let token = Self.newToken()
        tokens[token] = (credentials.id, clock.elapsed() + lifetime)
        grantsIssued += 1
        var body: JSONObject = [
            "access_token": .string(token), "token_type": "bearer",
            "expires_in": .number(Double(lifetime.components.seconds)),
        ]
        if let scope = policy.requiredScope { body["scope"] = .string(scope) }
        return Self.json(200, .object(body))
    }

    private static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
    }

    /// An OAuth error body (`{error, error_description}`), which never contains a secret.
    static func oauthError(_ status: Int, _ code: String, _ description: String) -> EmulatorResponse {
        json(status, .object(["error": .string(code), "error_description": .string(description)]))
    }

    private static func json(_ status: Int, _ body: JSONValue) -> EmulatorResponse {
        EmulatorResponse(
            head: HTTPResponse(
                status: .init(code: status),
                headerFields: [.contentType: "application/json", .cacheControl: "no-store"]),
            body: body.serialized)
    }
}
