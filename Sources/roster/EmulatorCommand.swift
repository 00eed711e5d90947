import ArgumentParser
import Foundation
import Roster

struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run or reset the built-in vendor emulators.",
        subcommands: [EmulatorResetCommand.self])
}

struct EmulatorResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Forget the embedded emulators' state, so the next plan starts again from the seeds.")

    @Argument(help: "A manifest file or directory.")
    var path: String

    @OptionGroup var manifest: ManifestOptions

    func run() async throws {
        let directory = (manifest.options(path: path).resolvedStateDirectory as NSString).appendingPathComponent(
            "emulators")
        if FileManager.default.fileExists(atPath: directory) { try FileManager.default.removeItem(atPath: directory) }
        print("Removed \(directory)")
    }
}
