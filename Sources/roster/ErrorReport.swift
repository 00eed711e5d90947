import ArgumentParser
import Roster
import RosterRender

/// Prints a library error on standard error and maps it to an exit code.
enum ErrorReport {
    static func exit(for error: RosterError) -> ExitCode {
        if !error.diagnostics.isEmpty {
            Terminal.error(DiagnosticRenderer(color: Terminal.color, sources: [:]).render(error.diagnostics))
        }
        Terminal.error("error: \(error.message)")
        switch error.kind {
        case .usage: return ExitCode.validationFailure
        case .invalidManifest, .credentials, .fetch, .invalidPlan, .unsafePlan, .planFile, .locked, .emulator:
            return ExitCode.failure
        }
    }
}
