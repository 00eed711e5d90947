import Foundation
import RosterEmulators
import RosterModel

/// The in-process emulators of one run, one per provider with an `emulator:` endpoint, with state persisted
/// under `<state>/emulators/<provider>/` so apply's changes are there for the next plan.
actor EmbeddedEmulators {
    let stateDirectory: String
    let manifestDirectory: String
    let faults: [String: [FaultRule]]
    private var running: [String: EmbeddedEmulator] = [:]

    init(stateDirectory: String, manifestDirectory: String, faults: [String: [FaultRule]] = [:]) {
        self.stateDirectory = stateDirectory
        self.manifestDirectory = manifestDirectory
        self.faults = faults
    }

    /// The folder holding one provider's emulator state.
    static func folder(_ stateDirectory: String, provider: String) -> String {
        ((stateDirectory as NSString).appendingPathComponent("emulators") as NSString).appendingPathComponent(provider)
    }

    /// The emulator for a provider, created on first use from its seed (first run) or its saved state.
    func emulator(for config: ProviderConfig) async throws -> EmbeddedEmulator {
        if let emulator = running[config.name] { return emulator }
        let emulator = try await open(config)
        running[config.name] = emulator
        return emulator
    }

    /// Starts the emulators of `configs` side by side (loading 50,000 users' state is work worth sharing out);
    /// every failure is reported, each naming its provider.
    func start(_ configs: [ProviderConfig]) async throws {
        let missing = configs.filter { running[$0.name] == nil }
        let results = await withTaskGroup(of: (String, Result<EmbeddedEmulator, any Error>).self) { group in
            for config in missing {
                group.addTask {
                    do { return (config.name, .success(try await self.open(config))) } catch {
                        return (config.name, .failure(error))
                    }
                }
            }
            var results: [String: Result<EmbeddedEmulator, any Error>] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
        var problems: [String] = []
        for (name, result) in results.sorted(by: { $0.key < $1.key }) {
            switch result {
            case .success(let emulator): running[name] = emulator
            case .failure(let error as RosterError): problems.append(error.message)
            case .failure(let error): problems.append("provider \(name): \(error)")
            }
        }
        guard problems.isEmpty else { throw RosterError(.emulator, problems.joined(separator: "\n")) }
    }

    /// Creates a provider's emulator in its state folder, with the faults the run injects.
    private nonisolated func open(_ config: ProviderConfig) async throws -> EmbeddedEmulator {
        let folder = Self.folder(stateDirectory, provider: config.name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let emulator = try await EmbeddedEmulator.make(
                for: config, seedPath: config.emulatorSeed, folder: URL(fileURLWithPath: folder))
            for fault in faults[config.name] ?? [] { await emulator.inject(fault) }
            return emulator
        } catch let error as SCIMEmulatorError {
            throw RosterError(.emulator, "provider \(config.name): the embedded emulator could not start: \(error)")
        } catch {
            throw RosterError(
                .emulator, "provider \(config.name): cannot create \(folder): \(error.localizedDescription)")
        }
    }

    /// Compacts every emulator's state (side by side) and releases its folder; every failure is reported.
    func close() async throws {
        let closing = running
        running = [:]
        let problems = await withTaskGroup(of: String?.self) { group in
            for (name, emulator) in closing {
                group.addTask {
                    do {
                        try await emulator.close()
                        return nil
                    } catch {
                        return "provider \(name): could not save the emulator state: \(error)"
                    }
                }
            }
            var problems: [String] = []
            for await problem in group { problem.map { problems.append($0) } }
            return problems.sorted()
        }
        guard problems.isEmpty else { throw RosterError(.emulator, problems.joined(separator: "\n")) }
    }
}
