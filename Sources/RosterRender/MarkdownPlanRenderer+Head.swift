import Foundation
import RosterModel

extension MarkdownPlanRenderer {
    /// The marker, the verdict, problems, manual steps and the summary table.
    func headLines(_ document: PlanDocument) -> [String] {
        var lines = [Self.commentMarker]
        if let digest = document.planDigest { lines.append(Self.digestMarker(digest)) }
        lines += ["### roster plan", ""]
        if document.isEmpty {
            lines.append(
                document.hasErrors
                    ? "**No changes planned**, but the errors below must be fixed first."
                    : "**No changes.** Live state matches the manifests.")
        } else {
            lines.append("**" + PlanCounts(document.steps).planLine + "**")
        }
        lines += errorLines(document) + violationLines(document) + manualLines(document)
        return lines + tableLines(document)
    }

    /// `#### Errors` with each diagnostic, where it is and its hint; warnings and notes follow the errors.
    func errorLines(_ document: PlanDocument) -> [String] {
        let ordered = [Diagnostic.Severity.error, .warning, .note].flatMap { severity in
            document.diagnostics.filter { $0.severity == severity }
        }
        guard !ordered.isEmpty else { return [] }
        let title = document.hasErrors ? "#### Errors (apply refuses this plan)" : "#### Warnings"
        var lines = ["", title, ""]
        for diagnostic in ordered.prefix(Self.listLimit) {
            var line =
                "- **\(diagnostic.severity.rawValue)** \(Self.code(diagnostic.code)): "
                + Self.escape(diagnostic.message)
            if let location = diagnostic.location { line += " (\(Self.code(location.description)))" }
            if let hint = diagnostic.hint { line += "<br>hint: " + Self.escape(hint) }
            lines.append(line)
        }
        if ordered.count > Self.listLimit { lines.append("- … and \(ordered.count - Self.listLimit) more") }
        return lines
    }

    /// `#### Unsafe changes`, each with the `--allow` flag that permits it, or why nothing can.
    func violationLines(_ document: PlanDocument) -> [String] {
        guard !document.violations.isEmpty else { return [] }
        var lines = ["", "#### Unsafe changes", ""]
        for violation in document.violations {
            let what = "- \(Self.code(violation.provider)): \(Self.escape(violation.message)). "
            switch violation.kind {
            case .lockout:
                lines.append(what + "Never allowed: an administrator must keep access.")
            case .deprovision, .assignmentRemoval, .delete:
                let flag = Self.code("--allow \(violation.allowance)")
                lines.append(
                    what
                        + (allowances.contains(violation.allowance)
                            ? "Allowed for this change (\(flag))." : "Apply refuses unless run with \(flag)."))
            }
        }
        return lines
    }

    /// `#### Manual steps` as a task list an admin can tick off.
    func manualLines(_ document: PlanDocument) -> [String] {
        let manual = document.steps.filter { $0.action == .manual }
        guard !manual.isEmpty else { return [] }
        let layout = StepLayout(maskPII: maskPII, bulkThreshold: bulkThreshold)
        var lines = ["", "#### Manual steps (an admin must make these by hand)", ""]
        for step in manual.prefix(Self.listLimit) {
            let what = layout.manualTitle(step).dropFirst("manual: ".count)
            let why = step.reason.isEmpty ? "" : " — " + Self.escape(step.reason)
            lines.append("- [ ] \(Self.code(step.address.provider)): \(Self.code(String(what)))" + why)
        }
        if manual.count > Self.listLimit { lines.append("- … and \(manual.count - Self.listLimit) more") }
        return lines
    }

    /// A hidden line carrying the plan's digest, so an apply job can check that the plan file it applies is the one
    /// reviewers saw in this comment.
    static func digestMarker(_ digest: String) -> String { "<!-- roster-plan-digest: \(digest) -->" }

    /// The digest and the roster version, small, at the end; nothing when the document has no digest.
    func footerLines(_ document: PlanDocument) -> [String] {
        guard let digest = document.planDigest else { return [] }
        return ["<sub>Plan \(Self.code(digest)), roster \(Self.escape(document.rosterVersion)).</sub>"]
    }

    /// One row per provider: counts, unmanaged objects and the estimate.
    func tableLines(_ document: PlanDocument) -> [String] {
        let providers = ProviderView.all(document)
        guard !providers.isEmpty else { return [] }
        var lines = [
            "",
            "| provider | type | create | reactivate | update | deactivate | delete | assignments | manual "
                + "| unmanaged | est. calls | est. time |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for provider in providers {
            let counts = provider.counts
            let entry = provider.entry
            let cells = [
                Self.cell(provider.name), entry?.type.rawValue ?? "",
                "\(counts[.create])", "\(counts[.reactivate])", "\(counts[.update])", "\(counts[.deactivate])",
                "\(counts[.delete])", "\(counts.assignments)", "\(counts[.manual])", unmanaged(entry),
                entry.map { "\($0.estimatedCalls)" } ?? "",
                entry.map { PlanFormat.duration($0.estimatedSeconds) } ?? "",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    private func unmanaged(_ entry: PlanDocument.ProviderEntry?) -> String {
        guard let entry else { return "" }
        guard entry.unmanagedGroups > 0 else { return "\(entry.unmanagedUsers)" }
        return PlanFormat.count(entry.unmanagedUsers, "user") + ", " + PlanFormat.count(entry.unmanagedGroups, "group")
    }

    /// Text for a table cell: escaped, with `|` kept from splitting the row.
    static func cell(_ text: String) -> String { escape(text).replacingOccurrences(of: "|", with: "\\|") }
}
