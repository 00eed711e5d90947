import Foundation
import RosterHTTPClient
import RosterModel
import RosterProviders

/// Builds each configured provider with its transport stack: base (emulator in process, or HTTPS), bearer auth, pacing at the vendor's rate, retries.
///
/// The façade is the only module that knows the concrete vendors.
struct ProviderFactory: Sendable {
    let options: RosterOptions
    let emulators: EmbeddedEmulators
    let network: AsyncHTTPTransport?
    let clock: any Clock<Duration>

    /// One provider for a configuration, or an error that names the provider and what to fix.
    func make(_ config: ProviderConfig) async throws -> any Provider {
        let dialect = try Self.dialect(for: config)
        let pace = config.pace ?? dialect.capabilities.pace
        let (base, endpoint, tokens) = try await connection(for: config)
        let limiter = RateLimiter(permitsPerSecond: pace.requestsPerSecond, clock: clock)
        let paced = PacedTransport(
            BearerTransport(base, tokens: tokens), limiter: limiter, concurrency: pace.concurrency)
        let transport = RetryingTransport(paced, clock: clock, limiter: limiter)
        let client = SCIMClient(
            provider: config.name, endpoint: endpoint, transport: transport, pageSize: 1_000,
            readConcurrency: pace.concurrency)
        return SCIMProvider(name: config.name, client: client, dialect: dialect)
    }

    /// The base transport, endpoint and token source for a provider.
    func connection(for config: ProviderConfig) async throws -> (any HTTPTransport, SCIMEndpoint, any TokenSource) {
        if config.usesEmbeddedEmulator {
            let emulator = try await emulators.emulator(for: config)
            return (
                EmbeddedTransport(handler: emulator.handler),
                SCIMEndpoint(scheme: "https", authority: "\(config.name).emulator.invalid", pathPrefix: ""),
                StaticToken(Credential(emulator.token))
            )
        }
        guard let url = config.endpoint, let endpoint = SCIMEndpoint(url: url) else {
            throw RosterError(
                .usage, "provider \(config.name): endpoint '\(config.endpoint ?? "")' is not an http(s) URL")
        }
        let credentials = try SecretResolver(environment: options.environment, baseDirectory: options.manifestDirectory)
            .resolve(config)
        guard let token = credentials["token"] else {
            throw RosterError(
                .credentials, "provider \(config.name): credentials.token is required for a \(config.type) endpoint")
        }
        guard let network else { throw RosterError(.usage, "no network transport is available in this run") }
        return (network, endpoint, StaticToken(token))
    }

    /// The SCIM dialect for a provider type.
    static func dialect(for config: ProviderConfig) throws -> SCIMDialect {
        switch config.type {
        case .scim:
            return .generic
        case .five9, .eightByEight, .webex, .genesys, .talkdesk:
            throw RosterError(
                .usage,
                "provider \(config.name): roster cannot plan \(config.type) providers yet; this version plans `scim` providers; plan the others out with --provider NAME"
            )
        }
    }
}
