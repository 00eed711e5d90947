import Foundation
public import RosterModel

/// Renders what an apply did: counts, each failure with its vendor error, each skipped step with what it waited
/// on, stopped providers, manual steps as a to-do list, and whether a fresh plan converged.
public struct ApplyReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as terminal text, ending with a newline.
    ///
    /// - Parameters:
    ///   - report: What the apply did.
    ///   - color: Emit ANSI escape codes.
    ///   - plan: The plan that was applied, when at hand: manual to-do items then say what to change and why.
    public func render(_ report: ApplyReport, color: Bool, plan: Plan? = nil) -> String {
        let style = PlanTextStyle(color: color)
        var sections = [[Self.countsLine(report)]]
        let failed = report.outcomes(.failed)
        if !failed.isEmpty {
            sections.append(
                [style.paint("Failed (\(failed.count)):", .error)]
                    + failed.map { "  " + Self.name($0) + ": " + ($0.error ?? "no error message") })
        }
        let skipped = report.outcomes(.skipped)
        if !skipped.isEmpty {
            sections.append([style.paint("Skipped (\(skipped.count)):", .warning)] + Self.skippedLines(report))
        }
        if !report.stoppedProviders.isEmpty {
            sections.append(
                [style.paint("Stopped providers (\(report.stoppedProviders.count)):", .error)]
                    + report.stoppedProviders.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" })
        }
        let manual = report.outcomes(.manual)
        if !manual.isEmpty {
            sections.append(
                [style.paint("Manual steps to do by hand (\(manual.count)):", .emphasis)]
                    + manual.flatMap { Self.todo($0, plan: plan) })
        }
        sections.append(convergence(report, style))
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The report as pretty JSON with sorted keys.
    public func json(_ report: ApplyReport) -> String {
        guard let data = try? PlanDocument.encoder.encode(ApplyReportRecord(report)) else {
            preconditionFailure("an apply report could not be encoded")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The counts line: `Apply: 12 applied, 1 already done, 1 failed, 2 skipped, 1 manual (34.2s).`.
    static func countsLine(_ report: ApplyReport) -> String {
        let parts = StepOutcome.Status.allCases.map { status in
            "\(report.outcomes(status).count) " + label(status)
        }
        return "Apply: " + parts.joined(separator: ", ") + " (\(PlanFormat.elapsed(report.seconds)))."
    }

    static func label(_ status: StepOutcome.Status) -> String {
        switch status {
        case .applied: "applied"
        case .alreadyDone: "already done"
        case .failed: "failed"
        case .skipped: "skipped"
        case .manual: "manual"
        }
    }

    /// Skipped steps listed with what each waited on, at most `skippedLimit` of them; a stopped provider's skipped
    /// steps fold into one line, since they all waited on the same thing.
    static func skippedLines(_ report: ApplyReport) -> [String] {
        let skipped = report.outcomes(.skipped)
        var lines: [String] = []
        for provider in report.stoppedProviders.keys.sorted() {
            let count = skipped.filter { $0.address.provider == provider }.count
            guard count > 0 else { continue }
            lines.append("  \(provider): \(count == 1 ? "1 step" : "\(count) steps") not run: the provider was stopped")
        }
        let others = skipped.filter { report.stoppedProviders[$0.address.provider] == nil }
        lines += others.prefix(skippedLimit).map { outcome in
            "  " + name(outcome) + (outcome.waitedOn.map { ": waited on \($0)" } ?? "")
        }
        if others.count > skippedLimit {
            lines.append("  … and \(others.count - skippedLimit) more (see --output json)")
        }
        return lines
    }

    /// The most skipped steps listed one by one.
    static let skippedLimit = 50

    /// `corp: + user "ana@acme.example"`.
    static func name(_ outcome: StepOutcome) -> String {
        "\(outcome.address.provider): " + ApplyEventRenderer.subject(outcome.address, outcome.action)
    }

    /// `[ ] x8: user "jdoe" site "Boston" -> "Denver"` and the step's reason, when the plan is at hand.
    static func todo(_ outcome: StepOutcome, plan: Plan?) -> [String] {
        guard let step = plan?.steps.first(where: { $0.id == outcome.stepID }) else {
            return ["  [ ] \(outcome.address.provider): " + StepLayout.subject(.init(outcome.address))]
        }
        let entry = PlanDocument.StepEntry(step)
        let what = StepLayout(maskPII: false, bulkThreshold: .max).manualTitle(entry).dropFirst("manual: ".count)
        let lines = ["  [ ] \(outcome.address.provider): \(what)"]
        return step.reason.isEmpty ? lines : lines + ["      \(step.reason)"]
    }

    /// `Converged: …`, or `Not converged: N changes remain` and the residual plan's summary lines.
    func convergence(_ report: ApplyReport, _ style: PlanTextStyle) -> [String] {
        guard let residual = report.residual else {
            return [style.paint("Convergence not checked: re-planning after apply was not possible.", .warning)]
        }
        guard !residual.isEmpty else {
            return [style.paint("Converged: a fresh plan shows no changes.", .addition)]
        }
        let document = PlanDocument(plan: residual, metadata: .init(createdAt: .init(timeIntervalSince1970: 0)))
        let remain = residual.steps.count == 1 ? "1 change remains" : "\(residual.steps.count) changes remain"
        var lines = [style.paint("Not converged: " + remain, .warning)]
        lines += ProviderView.all(document).filter { !$0.steps.isEmpty }.map { "  \($0.name): \($0.summaryLine)" }
        lines.append("  " + PlanCounts(document.steps).planLine)
        return lines
    }
}
