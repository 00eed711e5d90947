import Foundation
import RosterEmulators
import RosterModel

/// The in-process emulators of one run, one per provider with an `emulator:` endpoint, with state persisted
/// under the state folder so apply's changes are there for the next plan.
actor EmbeddedEmulators {
    let stateDirectory: String
    let manifestDirectory: String

    init(stateDirectory: String, manifestDirectory: String) {
        self.stateDirectory = stateDirectory
        self.manifestDirectory = manifestDirectory
    }

    /// The emulator for a provider, created on first use.
    func emulator(for config: ProviderConfig) throws -> (handler: any EmulatorHandler, token: String) {
        throw RosterError(.emulator, "provider \(config.name): the embedded emulator is not available in this build")
    }

    /// Writes every emulator's state.
    func close() throws {}
}
