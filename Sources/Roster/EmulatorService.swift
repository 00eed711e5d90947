import Foundation
import RosterEmulatorServer
import RosterEmulators
public import RosterModel

/// Serves the built-in emulators over HTTP on a loopback address, for loopback tests and for people building
/// against them.
public struct EmulatorService: Sendable {
    /// One served emulator.
    public struct Endpoint: Sendable, Hashable {
        /// The provider (or emulator) name, the first path segment.
        public var name: String
        /// The provider type it emulates.
        public var type: ProviderType
        /// The static bearer token it accepts; nil for OAuth vendors (Genesys, Talkdesk), which take the client
        /// credentials in `client` at their login endpoint.
        public var token: String?
        /// The vendor's own API path after the name (`/api/v2/scim/v2` for Genesys).
        public var pathPrefix: String
        /// For OAuth vendors: the client id and secret the login endpoint accepts.
        public var client: String?
        /// For Five9: the admin user and password of the SOAP service and the SCIM token.
        public var five9Credentials: String?

        /// The login endpoint's name (served at `/<name>-login/oauth/token`), for OAuth vendors.
        public var loginName: String? { client == nil ? nil : "\(name)-login" }
    }

    let host: String
    let handlers: [String: any EmulatorHandler]
    let emulators: [EmbeddedEmulator]
    let server: EmulatorServer
    /// What is served, by name.
    public let endpoints: [Endpoint]

    /// Prepares the emulators of every `emulator:` provider in the manifests (or one generic SCIM emulator named
    /// `scim` without manifests), seeded from their seeds; state persists in `stateDirectory` when given.
    public init(manifestPath: String?, host: String, port: Int, stateDirectory: String?) async throws {
        var configs: [ProviderConfig] = [ProviderConfig(name: "scim", type: .scim, endpoint: "emulator:")]
        if let manifestPath {
            let workflow = Workflow(options: RosterOptions(manifestPath: manifestPath))
            configs = try workflow.load().desired.providers.filter(\.usesEmbeddedEmulator)
            guard !configs.isEmpty else {
                throw RosterError(.usage, "\(manifestPath) declares no provider with `endpoint: emulator:`")
            }
        }
        var handlers: [String: any EmulatorHandler] = [:]
        var endpoints: [Endpoint] = []
        var emulators: [EmbeddedEmulator] = []
        for config in configs {
            let emulator = try await Self.emulator(for: config, stateDirectory: stateDirectory)
            let client = emulator.login.map { _ in
                "\(VendorEmulators.defaultClient.id):\(VendorEmulators.defaultClient.secret)"
            }
            let five9 = emulator.five9.map {
                "SOAP admin \($0.adminUserName):\($0.adminPassword) at /wsadmin/v13/AdminWebService, SCIM token \($0.scimToken) at /scim/v2"
            }
            let endpoint = Endpoint(
                name: config.name, type: config.type, token: emulator.token, pathPrefix: emulator.pathPrefix,
                client: client, five9Credentials: five9)
            handlers[config.name] = emulator.api
            if let login = emulator.login, let loginName = endpoint.loginName { handlers[loginName] = login }
            endpoints.append(endpoint)
            emulators.append(emulator)
        }
        self.host = host
        self.handlers = handlers
        self.emulators = emulators
        self.endpoints = endpoints
        do {
            self.server = try EmulatorServer(host: host, port: port, handlers: handlers)
        } catch {
            throw RosterError(.usage, "\(error)")
        }
    }

    static func emulator(for config: ProviderConfig, stateDirectory: String?) async throws -> EmbeddedEmulator {
        do {
            var folder: URL?
            if let stateDirectory {
                let path = EmbeddedEmulators.folder(stateDirectory, provider: config.name)
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                folder = URL(fileURLWithPath: path)
            }
            return try await EmbeddedEmulator.make(for: config, seedPath: config.emulatorSeed, folder: folder)
        } catch let error as SCIMEmulatorError {
            throw RosterError(.emulator, "provider \(config.name): \(error)")
        }
    }

    /// Serves until SIGINT or SIGTERM (when `handlingSignals`) or `stop()`; `onListening` gets the base URL of
    /// every endpoint once the port is bound.
    public func run(
        handlingSignals: Bool = true, onListening: @escaping @Sendable ([Endpoint: String]) -> Void
    ) async throws {
        let endpoints = self.endpoints
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        try await server.run(handlingSignals: handlingSignals) { port in
            var urls: [Endpoint: String] = [:]
            for endpoint in endpoints {
                urls[endpoint] = "http://\(host):\(port)/\(endpoint.name)\(endpoint.pathPrefix)"
            }
            onListening(urls)
        }
        for emulator in emulators {
            try? await emulator.close()
        }
    }

    /// Stops a running `run`.
    public func stop() async { await server.stop() }
}
