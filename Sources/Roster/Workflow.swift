import Foundation
import RosterHTTPClient
public import RosterManifest
public import RosterModel
import RosterPlanner
import RosterProviders

/// roster's pipeline as named stages: load → connect → fetch → plan → apply → re-plan.
///
/// The CLI makes one call.
public struct Workflow: Sendable {
    /// The options of this run.
    public let options: RosterOptions
    let clock: any Clock<Duration>
    let emulators: EmbeddedEmulators

    /// Creates a workflow.
    public init(options: RosterOptions, clock: any Clock<Duration> = ContinuousClock()) {
        self.options = options
        self.clock = clock
        self.emulators = EmbeddedEmulators(
            stateDirectory: options.resolvedStateDirectory, manifestDirectory: options.manifestDirectory,
            faults: options.emulatorFaults)
    }

    /// Loads and validates the manifests.
    public func validate() -> ManifestLoadResult {
        ManifestLoader().load(path: options.manifestPath)
    }

    /// Loads the manifests or throws every diagnostic at once.
    public func load() throws -> LoadedManifest {
        let result = validate()
        guard var desired = result.desired, !result.diagnostics.contains(where: \.isError) else {
            throw RosterError(.invalidManifest, "the manifests have errors", diagnostics: result.diagnostics)
        }
        if !options.providers.isEmpty {
            let unknown = options.providers.filter { desired.provider(named: $0) == nil }
            guard unknown.isEmpty else {
                let known = desired.providers.map(\.name).joined(separator: ", ")
                throw RosterError(
                    .usage,
                    "no provider named \(unknown.joined(separator: ", ")) in the manifests (they declare: \(known))")
            }
            desired.providers = desired.providers.filter { options.providers.contains($0.name) }
            desired.resources = desired.resources.filter { options.providers.contains($0.key) }
        }
        var manifest = LoadedManifest(
            desired: desired, warnings: result.diagnostics, sources: result.sources,
            digest: Digest.manifest(result.sources))
        if let only = options.only {
            manifest.scope = PersonScope.resolve(only, people: result.people, providers: desired.providers.map(\.name))
        }
        return manifest
    }

    /// Plans: fetches every provider in parallel and diffs.
    ///
    /// The session (network clients, providers' caches, embedded emulators) is closed as soon as live state is
    /// read: the diff needs none of it, and at 50,000 people their memory (handed back to the system, see
    /// `FreedMemory`) is better not held while the plan is built.
    public func plan() async throws -> PlanResult {
        let manifest = try load()
        let (live, capabilities) = try await withSession(manifest) { session in
            (try await session.fetchForPlanning(), session.capabilities)
        }
        FreedMemory.returnToSystem()
        let plan = Session.plan(manifest, live: live, capabilities: capabilities)
        var result = PlanResult(plan: plan, live: live, manifestDigest: manifest.digest, warnings: manifest.warnings)
        if let scope = manifest.scope { result.trace = PersonTrace(scope, manifest: manifest, result: result) }
        return result
    }

    /// Runs `body` with connected providers, closing the network client and emulators afterwards.
    func withSession<T: Sendable>(_ manifest: LoadedManifest, _ body: (Session) async throws -> T) async throws -> T {
        let needsNetwork = manifest.desired.providers.contains { !$0.usesEmbeddedEmulator }
        let network = needsNetwork ? AsyncHTTPTransport(timeoutSeconds: options.timeoutSeconds) : nil
        let factory = ProviderFactory(options: options, emulators: emulators, network: network, clock: clock)
        do {
            try await emulators.start(manifest.desired.providers.filter(\.usesEmbeddedEmulator))
            let session = try await Session.connect(manifest, factory: factory)
            let result = try await body(session)
            try await finish(network)
            return result
        } catch {
            try? await finish(network)
            throw error
        }
    }

    private func finish(_ network: AsyncHTTPTransport?) async throws {
        try await network?.shutdown()
        try await emulators.close()
    }
}

/// Validated manifests with their digest.
public struct LoadedManifest: Sendable {
    /// The desired state.
    public var desired: DesiredState
    /// Warnings from loading.
    public var warnings: [Diagnostic]
    /// File → text, for excerpts.
    public var sources: [String: String]
    /// SHA-256 of the manifests' content.
    public var digest: String
    /// The one person this run is about (`--only`), if any.
    public var scope: PersonScope? = nil
}

/// A plan together with what it was computed from.
public struct PlanResult: Sendable {
    /// The plan.
    public var plan: Plan
    /// The live state it was computed against.
    public var live: LiveState
    /// The manifest digest.
    public var manifestDigest: String
    /// Warnings from loading the manifests.
    public var warnings: [Diagnostic]
    /// For a run about one person (`--only`): how their desired state was built and what each provider holds.
    public var trace: PersonTrace? = nil
}
