import ArgumentParser
import Foundation
import Roster
import RosterModel
import RosterRender

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a saved plan, or plan afresh and apply.",
        discussion: """
            `roster apply PLAN.json` applies exactly a plan saved with `roster plan --out`, after checking that it \
            is intact, made from the same manifests, and that none of the objects it touches changed since.
            `roster apply PATH` plans from the manifests and applies at once.
            Unsafe plans (over a blast-radius limit) need an allowance naming provider and kind, e.g. \
            --allow corp:deprovision. Exit codes: 0 applied and converged, 1 error (nothing applied), \
            3 applied with failed or skipped steps or not converged.
            """)

    @Argument(help: "A plan file from `roster plan --out`, or a manifest file or directory.")
    var path: String

    @OptionGroup var manifest: ManifestOptions

    @Option(name: .long, help: "For a plan file: the manifests it was made from (default: the path recorded in it).")
    var manifests: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Allow one unsafe kind of change on one provider (repeatable).", valueName: "provider:kind"))
    var allow: [String] = []

    @Flag(name: .long, help: "Re-plan objects that changed since the saved plan instead of refusing.")
    var replanStale = false

    @Option(name: .long, help: "human, or json for JSON lines (one event per step start, retry and finish).")
    var output: OutputFormat = .human

    func run() async throws {
        var saved: SavedPlan?
        var manifestPath = path
        do {
            if PlanFile.isPlanFile(path) {
                let (plan, recorded) = try PlanFile.read(path)
                saved = plan
                guard let location = manifests ?? recorded else {
                    throw RosterError(
                        .usage, "\(path) does not say which manifests it was made from; pass --manifests PATH")
                }
                manifestPath = location
            }
        } catch let error as RosterError {
            throw ErrorReport.exit(for: error)
        }
        let progress = ApplyProgress(
            output: output, color: Terminal.color, live: Terminal.interactiveErrors && output == .human)
        let request = ApplyRequest(
            savedPlan: saved, allow: Set(allow), replanStale: replanStale,
            onEvent: { progress.handle($0) }, onPlan: { progress.begin($0) })
        let report: ApplyReport
        do {
            report = try await Workflow(options: manifest.options(path: manifestPath)).apply(request)
        } catch let error as RosterError {
            throw ErrorReport.exit(for: error)
        }
        progress.end()
        switch output {
        case .json: print(Self.oneLine(ApplyReportRenderer().json(report)))
        case .human, .markdown: print(ApplyReportRenderer().render(report, color: Terminal.color), terminator: "")
        }
        if !report.converged { throw Exit.appliedWithFailures }
    }

    /// The report as one line, so `--output json` stays JSON lines: events, then the report last.
    static func oneLine(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return json }
        return String(decoding: data, as: UTF8.self)
    }
}
