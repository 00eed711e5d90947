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
        let folder = Self.folder(stateDirectory, provider: config.name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let emulator = try await EmbeddedEmulator.make(
                for: config, seedPath: config.emulatorSeed, folder: URL(fileURLWithPath: folder))
            for fault in faults[config.name] ?? [] { await emulator.inject(fault) }
            running[config.name] = emulator
            return emulator
        } catch let error as SCIMEmulatorError {
            throw RosterError(.emulator, "provider \(config.name): the embedded emulator could not start: \(error)")
        } catch {
            throw RosterError(
                .emulator, "provider \(config.name): cannot create \(folder): \(error.localizedDescription)")
        }
    }

    /// Compacts every emulator's state and releases its folder.
    func close() async throws {
        for (name, emulator) in running.sorted(by: { $0.key < $1.key }) {
            do {
                try await emulator.close()
            } catch {
                throw RosterError(.emulator, "provider \(name): could not save the emulator state: \(error)")
            }
        }
        running = [:]
    }
}
