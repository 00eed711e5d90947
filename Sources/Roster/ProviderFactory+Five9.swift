import Foundation
import RosterEmulators
import RosterModel
import RosterProviders

extension ProviderFactory {
    /// A Five9 provider: the SOAP admin web service (Basic auth, one request in flight, the documented call
    /// counters) and, when the manifest configures the SCIM lifecycle, a SCIM client for users.
    func makeFive9(_ config: ProviderConfig) async throws -> any Provider {
        let scimLifecycle = config.settings["lifecycle"] == "scim"
        let ssoReady = config.settings["scimSSOReady"] == "true"
        let base: any HTTPTransport
        let soapEndpoint: Five9Endpoint
        let username: Credential
        let password: Credential
        var scim: (endpoint: SCIMEndpoint, token: Credential)?
        if config.usesEmbeddedEmulator {
            let emulator = try await emulators.emulator(for: config)
            guard let five9 = emulator.five9 else {
                throw RosterError(.emulator, "provider \(config.name): the embedded emulator is not a Five9 one")
            }
            base = EmbeddedTransport(handler: emulator.api)
            let authority = "\(config.name).emulator.invalid"
            soapEndpoint = Five9Endpoint(authority: authority)
            (username, password) = (Credential(five9.adminUserName), Credential(five9.adminPassword))
            if scimLifecycle {
                scim = (
                    SCIMEndpoint(scheme: "https", authority: authority, pathPrefix: "/scim/v2"),
                    Credential(five9.scimToken)
                )
            }
        } else {
            guard let network else { throw RosterError(.usage, "no network transport is available in this run") }
            base = network
            let url = config.endpoint ?? "https://api.five9.com"
            guard let endpoint = Five9Endpoint(url: url) else {
                throw RosterError(.usage, "provider \(config.name): endpoint '\(url)' is not an http(s) URL")
            }
            soapEndpoint = endpoint
            let credentials = try resolver.resolve(config)
            guard let user = credentials["username"], let secret = credentials["password"] else {
                throw RosterError(
                    .credentials,
                    "provider \(config.name): credentials.username and credentials.password are required for five9")
            }
            (username, password) = (user, secret)
            if scimLifecycle {
                guard let token = credentials["scimToken"] else {
                    throw RosterError(
                        .credentials, "provider \(config.name): scim.token is required for the SCIM lifecycle")
                }
                let host = "\(soapEndpoint.scheme)://\(soapEndpoint.authority)\(soapEndpoint.pathPrefix)/scim/v2"
                guard let endpoint = SCIMEndpoint(url: host) else {
                    throw RosterError(.usage, "provider \(config.name): cannot build the SCIM endpoint '\(host)'")
                }
                scim = (endpoint, token)
            }
        }
        let soap = Five9SOAPClient(
            provider: config.name, endpoint: soapEndpoint, transport: base, username: username, password: password,
            clock: clock)
        let client = scim.map { scim in
            let pace = config.pace ?? Pace(requestsPerSecond: 5, concurrency: 1)
            let limiter = RateLimiter(permitsPerSecond: pace.requestsPerSecond, clock: clock)
            let paced = PacedTransport(
                BearerTransport(base, tokens: StaticToken(scim.token)), limiter: limiter, concurrency: pace.concurrency)
            var client = SCIMClient(
                provider: config.name, endpoint: scim.endpoint,
                transport: RetryingTransport(paced, clock: clock, limiter: limiter), pageSize: 100, readConcurrency: 1)
            client.progressPrefix = "SCIM "
            return client
        }
        return Five9Provider(name: config.name, soap: soap, scim: client, ssoReady: ssoReady)
    }
}
