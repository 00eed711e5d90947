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
            With --drift: a drift report instead of the plan (managed objects changed outside roster, declared \
            objects missing, owned objects no longer declared, unmanaged objects), same exit codes.
            With --only PERSON: just that person's steps, after a trace of how their desired state was built.
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

    @Flag(name: .long, help: "Report drift, by kind, instead of the plan.")
    var drift = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --drift: an earlier `--drift --output json` report; unmanaged objects not in it are marked new.",
            valueName: "file"))
    var driftBaseline: String?

    @Flag(name: .long, help: "Exit 1 when the plan exceeds a safety limit that no --allow covers.")
    var failOnUnsafe = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --fail-on-unsafe, and shown in markdown: an unsafe kind of change that is allowed (repeatable).",
            valueName: "provider:kind"))
    var allow: [String] = []

    func run() async throws {
        let workflow = Workflow(options: manifest.options(path: path))
        let result: PlanResult
        var report: DriftReport?
        do {
            if drift || driftBaseline != nil {
                let check = try await workflow.driftCheck(baseline: try baseline())
                (result, report) = (check.result, check.report)
            } else {
                result = try await workflow.plan()
            }
        } catch let error as RosterError {
            throw ErrorReport.exit(for: error)
        }
        let document = PlanFile.document(result, manifestPath: path)
        if let out {
            try PlanDocument.encode(document).write(to: URL(fileURLWithPath: out))
        }
        if let trace = result.trace {
            if output == .human { print(trace.text) } else { Terminal.error(trace.text) }
        }
        if let report {
            render(report)
        } else {
            render(document)
        }
        if let out, output == .human { print("\nSaved the plan to \(out). Apply exactly it with: roster apply \(out)") }
        if result.plan.hasErrors { throw ExitCode.failure }
        try checkSafety(result.plan)
        if detailedExitcode && !result.plan.isEmpty { throw Exit.changes }
    }

    private func render(_ document: PlanDocument) {
        switch output {
        case .human: print(HumanPlanRenderer(color: Terminal.color).render(document), terminator: "")
        case .json: print(String(decoding: PlanDocument.encode(document), as: UTF8.self))
        case .markdown:
            print(MarkdownPlanRenderer(maskPII: maskPii, allowances: Set(allow)).render(document), terminator: "")
        }
    }

    private func render(_ report: DriftReport) {
        switch output {
        case .human: print(DriftRenderer().render(report), terminator: "")
        case .json: print(String(decoding: DriftReport.encode(report), as: UTF8.self))
        case .markdown: print(DriftRenderer(maskPII: maskPii).markdown(report), terminator: "")
        }
    }

    /// The baseline report, or a usage error naming the file.
    private func baseline() throws -> DriftReport? {
        guard let driftBaseline else { return nil }
        guard let data = FileManager.default.contents(atPath: driftBaseline),
            let report = try? DriftReport.decode(data)
        else {
            throw ErrorReport.exit(
                for: RosterError(
                    .usage, "\(driftBaseline) is not a drift report from `roster plan --drift --output json`"))
        }
        return report
    }

    /// With --fail-on-unsafe: exit 1 when a limit is exceeded that no --allow covers (lock-outs never are).
    private func checkSafety(_ plan: Plan) throws {
        guard failOnUnsafe else { return }
        let blocking = plan.violations.filter { $0.kind == .lockout || !allow.contains($0.allowance) }
        guard !blocking.isEmpty else { return }
        let lines = blocking.map { violation in
            violation.kind == .lockout
                ? "  - \(violation.provider): \(violation.message) (never allowed)"
                : "  - \(violation.provider): \(violation.message); allow with --allow \(violation.allowance)"
        }
        Terminal.error("error: the plan is unsafe; apply would refuse it:\n" + lines.joined(separator: "\n"))
        throw ExitCode.failure
    }
}
