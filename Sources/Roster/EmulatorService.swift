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
        /// The bearer token it accepts.
        public var token: String
    }

    let host: String
    let handlers: [String: any EmulatorHandler]
    let server: EmulatorServer
    /// What is served, by name.
    public let endpoints: [Endpoint]

    /// Prepares the emulators of every `emulator:` provider in the manifests (or one generic SCIM emulator named
    /// `scim` without manifests), seeded from their seeds; state persists in `stateDirectory` when given.
    public init(manifestPath: String?, host: String, port: Int, stateDirectory: String?) throws {
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
        for config in configs {
            let emulator = try Self.emulator(for: config, stateDirectory: stateDirectory)
            handlers[config.name] = emulator
            endpoints.append(Endpoint(name: config.name, type: config.type, token: emulator.options.token))
        }
        self.host = host
        self.handlers = handlers
        self.endpoints = endpoints
        do {
            self.server = try EmulatorServer(host: host, port: port, handlers: handlers)
        } catch {
            throw RosterError(.usage, "\(error)")
        }
    }

    static func emulator(for config: ProviderConfig, stateDirectory: String?) throws -> SCIMEmulator {
        guard config.type == .scim else {
            throw RosterError(
                .usage, "provider \(config.name): there is no \(config.type) emulator in this version yet")
        }
        do {
            let seed = try config.emulatorSeed.map { try SCIMSeed(contentsOf: URL(fileURLWithPath: $0)) } ?? .empty
            var folder: URL?
            if let stateDirectory {
                let path = EmbeddedEmulators.folder(stateDirectory, provider: config.name)
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                folder = URL(fileURLWithPath: path)
            }
            return try SCIMEmulator(seed: seed, stateDirectory: folder)
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
            for endpoint in endpoints { urls[endpoint] = "http://\(host):\(port)/\(endpoint.name)" }
            onListening(urls)
        }
        for handler in handlers.values {
            try? await (handler as? SCIMEmulator)?.close()
        }
    }

    /// Stops a running `run`.
    public func stop() async { await server.stop() }
}
