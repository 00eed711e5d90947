import ArgumentParser
import Roster
import RosterManifest
import RosterModel
import RosterRender

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests: every problem at once, each with file:line:column and a suggestion.")

    @Argument(help: "A manifest file or a directory of *.yaml files.")
    var path: String

    @Option(name: .long, help: "human or json.")
    var output: OutputFormat = .human

    func run() async throws {
        let result = Workflow(options: RosterOptions(manifestPath: path)).validate()
        let renderer = DiagnosticRenderer(color: Terminal.color, sources: result.sources)
        switch output {
        case .json: print(renderer.json(result.diagnostics))
        case .human, .markdown:
            if result.diagnostics.isEmpty {
                print(
                    "\(path): valid (\(result.desired?.providers.count ?? 0) providers, \(result.people.count) people)")
            } else {
                print(renderer.render(result.diagnostics))
            }
        }
        if result.desired == nil || result.diagnostics.contains(where: \.isError) { throw ExitCode.failure }
    }
}
