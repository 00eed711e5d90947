public import Foundation
import HTTPTypes

/// OAuth 2 client-credentials tokens (RFC 6749 §4.4), fetched on first use, cached until shortly before they
/// expire, and fetched again when the API answers 401.
///
/// Genesys Cloud (`login.{region}/oauth/token`) and Talkdesk (`{account}.talkdeskid.com/oauth/token`, scope
/// `scim`). The client secret and the tokens never appear in errors or logs.
public actor ClientCredentialsToken: TokenSource {
    let provider: String
    let transport: any HTTPTransport
    let tokenURL: URL
    let clientID: Credential
    let clientSecret: Credential
    let scope: String?
    let clock: any Clock<Duration>
    private var current: (token: Credential, expires: Duration, fetched: Duration)?
    /// The exchange under way, which every caller arriving meanwhile waits for instead of starting its own.
    private var pending: Task<Credential, any Error>?
    private let watch: Stopwatch

    /// Creates a token source.
    ///
    /// - Parameters:
    ///   - provider: The provider name, for errors.
    ///   - transport: Reaches the login host (not paced with the API).
    ///   - tokenURL: The token endpoint.
    ///   - scope: The scope to ask for, if the vendor wants one.
    public init(
        provider: String, transport: any HTTPTransport, tokenURL: URL, clientID: Credential,
        clientSecret: Credential, scope: String? = nil, clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.provider = provider
        self.transport = transport
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        self.clock = clock
        self.watch = Stopwatch(clock: clock)
    }

    /// A fresh token can always be asked for.
    public nonisolated var canRefresh: Bool { true }

    /// The cached token, or a new one when there is none, it is about to expire, or `refresh` is set.
    public func token(refresh: Bool) async throws -> Credential {
        let now = watch.elapsed()
        if let current, now < current.expires {
            // Concurrent requests that all got a 401 ask for a refresh together: one exchange serves them all.
            if !refresh || now - current.fetched < .seconds(5) { return current.token }
        }
        if let pending { return try await pending.value }
        let exchange = Task { try await self.renew() }
        pending = exchange
        defer { pending = nil }
        return try await exchange.value
    }

    /// Exchanges the client credentials for a new token and caches it.
    private func renew() async throws -> Credential {
        let (token, lifetime) = try await exchange()
        // Renew a minute early (or at half-life for short tokens) so no request carries an expiring token.
        let margin = min(Duration.seconds(60), lifetime / 2)
        let fetched = watch.elapsed()
        current = (token, fetched + lifetime - margin, fetched)
        return token
    }

    /// One `POST` of `grant_type=client_credentials` with Basic client authentication.
    func exchange() async throws -> (Credential, Duration) {
        var request = HTTPRequest(
            method: .post, scheme: tokenURL.scheme ?? "https", authority: Self.authority(tokenURL),
            path: tokenURL.path.isEmpty ? "/" : tokenURL.path)
        let basic = Data("\(clientID.secret):\(clientSecret.secret)".utf8).base64EncodedString()
        request.headerFields[.authorization] = "Basic \(basic)"
        request.headerFields[.contentType] = "application/x-www-form-urlencoded"
        request.headerFields[.accept] = "application/json"
        var form = "grant_type=client_credentials"
        if let scope { form += "&scope=\(scope)" }
        let head: HTTPResponse
        let body: Data
        do {
            (head, body) = try await transport.send(request, body: Data(form.utf8))
        } catch let error as TransportError {
            throw ProviderError(
                .unreachable, provider: provider,
                "the token endpoint \(Self.authority(tokenURL)) could not be reached (\(error.message))")
        }
        let json = try? JSONValue(parsing: body)
        guard head.status.code == 200, let token = json?["access_token"]?.string, !token.isEmpty else {
            throw rejection(status: head.status.code, json: json)
        }
        let lifetime = json?["expires_in"]?.int.map { Duration.seconds(max(1, $0)) } ?? .seconds(3_600)
        return (Credential(token), lifetime)
    }

    /// The error for a refused exchange, in OAuth's words (`invalid_client`…), never with the secret.
    func rejection(status: Int, json: JSONValue?) -> ProviderError {
        let code = json?["error"]?.string
        let description = json?["error_description"]?.string
        var message = "the token endpoint answered \(status)"
        if let code { message += " \(code)" }
        if let description { message += ": \(description)" }
        let kind: ProviderError.Kind =
            switch status {
            case 400, 401, 403: .unauthorized
            case 429, 500...: .transient
            default: .permanent
            }
        if kind == .unauthorized { message += " (check the clientId and clientSecret credentials)" }
        return ProviderError(kind, provider: provider, message, status: status, vendorDetail: description)
    }

    static func authority(_ url: URL) -> String {
        (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
    }
}
