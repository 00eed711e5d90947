import Foundation
import RosterModel
import RosterPlanner
import RosterProviders

/// Connected providers for one run.
struct Session: Sendable {
    let manifest: LoadedManifest
    let providers: [String: any Provider]
    /// Told how far each provider's read got.
    var readObserver: (@Sendable (ReadProgress) -> Void)?

    /// Builds every provider; credential and configuration problems of all providers are reported together.
    static func connect(_ manifest: LoadedManifest, factory: ProviderFactory) async throws -> Session {
        var providers: [String: any Provider] = [:]
        var problems: [String] = []
        for config in manifest.desired.providers {
            do {
                providers[config.name] = try await factory.make(config)
            } catch let error as RosterError {
                problems.append(error.message)
            }
        }
        guard problems.isEmpty else { throw RosterError(.credentials, problems.joined(separator: "\n")) }
        return Session(manifest: manifest, providers: providers, readObserver: factory.options.readObserver)
    }

    var capabilities: [String: ProviderCapabilities] { providers.mapValues(\.capabilities) }

    /// Fetches every provider in parallel; every failure is reported, each naming its provider.
    func fetch() async throws -> LiveState {
        try await read { provider in try await provider.fetch() }
    }

    /// `fetch()` for a plan that this session will not apply (providers keep no write records).
    func fetchForPlanning() async throws -> LiveState {
        try await read { provider in try await provider.fetchForPlanning() }
    }

    /// Reads only the objects at `addresses` (by provider name), every provider in parallel, priming each
    /// provider's caches for the steps that follow; a provider with nothing listed is not called.
    func fetch(only addresses: [String: Set<ResourceAddress>]) async throws -> LiveState {
        try await read { provider in
            guard let wanted = addresses[provider.name], !wanted.isEmpty else { return LiveResources() }
            return try await provider.fetch(only: wanted)
        }
    }

    /// Runs `body` on every provider in parallel and gathers the results; every failure is reported, each naming
    /// its provider.
    private func read(
        _ body: @escaping @Sendable (any Provider) async throws -> LiveResources
    ) async throws -> LiveState {
        // One task per provider; results are collected in name order.
        let began = ContinuousClock.now
        let context = readObserver.map { observer in
            StepContext(readObserver: { progress in
                var progress = progress
                progress.readBegan = progress.readBegan ?? began
                observer(progress)
            })
        }
        let tasks = providers.sorted { $0.key < $1.key }.map { name, provider in
            (
                name,
                Task { () -> Result<LiveResources, any Error> in
                    do {
                        return .success(
                            try await RequestContext.$current.withValue(context) { try await body(provider) })
                    } catch {
                        return .failure(error)
                    }
                }
            )
        }
        var results: [(String, Result<LiveResources, any Error>)] = []
        for (name, task) in tasks { results.append((name, await task.value)) }
        var live = LiveState()
        var failures: [String] = []
        for (name, result) in results {
            switch result {
            case .success(let resources): live.providers[name] = resources
            case .failure(let error): failures.append(Self.describe(error, provider: name))
            }
        }
        guard failures.isEmpty else {
            throw RosterError(
                .fetch, "could not read live state:\n" + failures.sorted().map { "  - \($0)" }.joined(separator: "\n"))
        }
        return live
    }

    /// Fetches and plans.
    func plan() async throws -> PlanResult {
        let live = try await fetch()
        let plan = plan(live: live)
        return PlanResult(plan: plan, live: live, manifestDigest: manifest.digest, warnings: manifest.warnings)
    }

    /// Plans the manifests against `live`; with `--only`, against the person's scoped view (`PersonScope`).
    func plan(live: LiveState) -> Plan {
        Self.plan(manifest, live: live, capabilities: capabilities)
    }

    /// Plans `manifest` against `live`, with the capabilities its providers reported.
    static func plan(
        _ manifest: LoadedManifest, live: LiveState, capabilities: [String: ProviderCapabilities]
    ) -> Plan {
        let desired = manifest.scope.map { $0.desired(manifest.desired, live: live) } ?? manifest.desired
        return Planner().plan(desired: desired, live: live, capabilities: capabilities)
    }

    static func describe(_ error: any Error, provider: String) -> String {
        switch error {
        case let error as ProviderError: return error.description
        case SCIMFailure.noResponse(let failure, let method, let path):
            return "\(provider): \(method) \(path): \(failure)"
        default: return "\(provider): \(error)"
        }
    }
}
