import ArgumentParser
import Foundation
import Roster

/// Options every command that reads manifests shares.
struct ManifestOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Where emulator state, the apply journal and the lock live (default: .roster beside the manifests).")
    var stateDir: String?

    @Option(name: .long, help: ArgumentHelp("Only this provider (repeatable).", valueName: "name"))
    var provider: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only this person (a userName): plan and apply just their steps on every provider, with a trace of how "
                + "their desired state was built.", valueName: "userName"))
    var only: String?

    func options(path: String) -> RosterOptions {
        var options = RosterOptions(manifestPath: path, stateDirectory: stateDir, providers: provider)
        options.only = only
        let progress = ReadProgressLog { Terminal.error($0) }
        options.readObserver = { progress.observe($0) }
        return options
    }
}

/// Output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, markdown
}

/// Terminal facts for rendering.
enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var color: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Whether standard error is a terminal (for the live progress line).
    static var interactiveErrors: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Exit codes are a contract (README).
enum Exit {
    static let changes = ExitCode(2)
    static let appliedWithFailures = ExitCode(3)
}
