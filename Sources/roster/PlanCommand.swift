import ArgumentParser
import Foundation
import Roster
import RosterModel
import RosterRender

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change. Never changes anything.",
        discussion: """
            Reads live state from every provider, compares it with the manifests and prints the steps apply \
            would take, grouped by provider, with an estimate of API calls and time at each vendor's limits.
            With --detailed-exitcode: 0 no changes, 2 changes, 1 error (for CI and scheduled drift checks).
            """)

    @Argument(help: "A manifest file or a directory of *.yaml files.")
    var path: String

    @OptionGroup var manifest: ManifestOptions

    @Option(name: .long, help: "human, json or markdown (for a pull-request comment).")
    var output: OutputFormat = .human

    @Option(
        name: .long, help: ArgumentHelp("Also save the plan to this file, for `roster apply FILE`.", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Exit 2 when the plan has changes, 0 when it has none.")
    var detailedExitcode = false

    @Flag(name: .long, help: "In markdown output, mask personal data other than userNames.")
    var maskPii = false

    func run() async throws {
        let options = manifest.options(path: path)
        let result: PlanResult
        do {
            result = try await Workflow(options: options).plan()
        } catch let error as RosterError {
            throw ErrorReport.exit(for: error)
        }
        let document = PlanFile.document(result, manifestPath: path)
        if let out {
            try PlanDocument.encode(document).write(to: URL(fileURLWithPath: out))
        }
        switch output {
        case .human: print(HumanPlanRenderer(color: Terminal.color).render(document), terminator: "")
        case .json: print(String(decoding: PlanDocument.encode(document), as: UTF8.self))
        case .markdown: print(MarkdownPlanRenderer(maskPII: maskPii).render(document), terminator: "")
        }
        if let out, output == .human { print("\nSaved the plan to \(out). Apply exactly it with: roster apply \(out)") }
        if result.plan.hasErrors { throw ExitCode.failure }
        if detailedExitcode && !result.plan.isEmpty { throw Exit.changes }
    }
}
