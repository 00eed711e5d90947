import Foundation
import RosterEmulators
import RosterHTTPClient
import RosterModel
import RosterProviders

/// Builds each configured provider with its transport stack: base (emulator in process, or HTTPS), bearer auth
/// (a static token or an OAuth client-credentials exchange), pacing at the vendor's rate, retries.
///
/// The façade is the only module that knows the concrete vendors.
struct ProviderFactory: Sendable {
    let options: RosterOptions
    let emulators: EmbeddedEmulators
    let network: AsyncHTTPTransport?
    let clock: any Clock<Duration>

    /// How a provider is reached: the API transport and endpoint, and where its tokens come from.
    struct Connection {
        var base: any HTTPTransport
        var endpoint: SCIMEndpoint
        var tokens: any TokenSource
    }

    /// One provider for a configuration, or an error that names the provider and what to fix.
    func make(_ config: ProviderConfig) async throws -> any Provider {
        if config.type == .five9 { return try await makeFive9(config) }
        let dialect = try Self.dialect(for: config)
        let pace = config.pace ?? dialect.capabilities.pace
        let connection = try await connection(for: config)
        let limiter = RateLimiter(permitsPerSecond: pace.requestsPerSecond, clock: clock)
        let paced = PacedTransport(
            BearerTransport(connection.base, tokens: connection.tokens), limiter: limiter,
            concurrency: pace.concurrency)
        let transport = RetryingTransport(paced, clock: clock, limiter: limiter)
        let client = SCIMClient(
            provider: config.name, endpoint: connection.endpoint, transport: transport, pageSize: dialect.pageSize,
            readConcurrency: pace.concurrency)
        return SCIMProvider(name: config.name, client: client, dialect: dialect)
    }

    /// The connection to the embedded emulator or the real service.
    func connection(for config: ProviderConfig) async throws -> Connection {
        if config.usesEmbeddedEmulator {
            let emulator = try await emulators.emulator(for: config)
            let base = EmbeddedTransport(handler: emulator.api)
            let endpoint = SCIMEndpoint(
                scheme: "https", authority: "\(config.name).emulator.invalid", pathPrefix: emulator.pathPrefix)
            if let login = emulator.login {
                let credentials = try? resolver.resolve(config)
                let tokens = ClientCredentialsToken(
                    provider: config.name, transport: EmbeddedTransport(handler: login),
                    tokenURL: URL(string: "https://login.\(config.name).emulator.invalid/oauth/token")!,
                    clientID: credentials?["clientId"] ?? Credential(VendorEmulators.defaultClient.id),
                    clientSecret: credentials?["clientSecret"] ?? Credential(VendorEmulators.defaultClient.secret),
                    scope: config.type == .talkdesk ? "scim" : nil, clock: clock)
                return Connection(base: base, endpoint: endpoint, tokens: tokens)
            }
            return Connection(base: base, endpoint: endpoint, tokens: StaticToken(Credential(emulator.token ?? "")))
        }
        guard let network else { throw RosterError(.usage, "no network transport is available in this run") }
        let endpoint = try Self.endpoint(for: config)
        let credentials = try resolver.resolve(config)
        switch config.type {
        case .genesys, .talkdesk:
            guard let id = credentials["clientId"], let secret = credentials["clientSecret"] else {
                throw RosterError(
                    .credentials,
                    "provider \(config.name): credentials.clientId and credentials.clientSecret are required for \(config.type)"
                )
            }
            let tokens = ClientCredentialsToken(
                provider: config.name, transport: network, tokenURL: try Self.tokenURL(for: config, api: endpoint),
                clientID: id, clientSecret: secret, scope: config.type == .talkdesk ? "scim" : nil, clock: clock)
            return Connection(base: network, endpoint: endpoint, tokens: tokens)
        case .scim, .webex, .eightByEight, .five9:
            guard let token = credentials["token"] else {
                throw RosterError(
                    .credentials, "provider \(config.name): credentials.token is required for a \(config.type) endpoint"
                )
            }
            return Connection(base: network, endpoint: endpoint, tokens: StaticToken(token))
        }
    }

    var resolver: SecretResolver {
        SecretResolver(environment: options.environment, baseDirectory: options.manifestDirectory)
    }

    /// The SCIM dialect for a provider type.
    static func dialect(for config: ProviderConfig) throws -> SCIMDialect {
        switch config.type {
        case .scim: return .generic
        case .genesys: return .genesys
        case .webex: return .webex
        case .talkdesk: return .talkdesk
        case .eightByEight: return .eightByEight
        case .five9:
            throw RosterError(.usage, "provider \(config.name): five9 is not a SCIM dialect (it speaks SOAP)")
        }
    }
}
