import ArgumentParser

/// The `roster` command line: a thin adapter over the `Roster` library.
@main
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Manage contact-center users, roles, groups and skills as code.",
        discussion: """
            roster reads YAML manifests, compares them with what Five9, 8x8, Webex, Genesys Cloud, Talkdesk or any \
            SCIM 2.0 service holds, shows the difference as a plan, and applies it step by step.

            Typical use: `roster plan` in CI on every pull request, `roster apply` on merge.
            Endpoints written `"emulator:"` talk to built-in emulators, so everything works without credentials.

            Exit codes: 0 success (for apply: applied and converged); 1 error, nothing applied; \
            2 plan --detailed-exitcode found changes; 3 apply finished with failed or skipped steps, \
            or did not converge; 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ApplyCommand.self, ImportCommand.self, EmulatorCommand.self,
        ])
}
