import RosterModel

extension DriftRenderer {
    /// The report as Markdown for an issue body: the marker, a summary table per provider, then each kind of drift
    /// folded in a `<details>` block (open when it needs attention).
    public func markdown(_ report: DriftReport) -> String {
        var lines = [
            Self.issueMarker, "### roster drift", "", "**\(summary(report))** Checked \(report.createdAt).", "",
        ]
        lines += [
            "| provider | type | changed | missing | orphaned | unmanaged |" + (report.hasBaseline ? " new |" : ""),
            "|---|---|--:|--:|--:|--:|" + (report.hasBaseline ? "--:|" : ""),
        ]
        for counts in report.providers {
            var row =
                "| \(MarkdownPlanRenderer.cell(counts.name)) | \(counts.type.rawValue) | \(counts.changed) "
                + "| \(counts.missing) | \(counts.orphaned) | \(counts.unmanaged) |"
            if report.hasBaseline { row += " \(counts.new) |" }
            lines.append(row)
        }
        for (index, section) in sections(report).enumerated() where !section.lines.isEmpty {
            let open = index < 3 || report.hasBaseline && index == 3 ? " open" : ""
            let body = section.lines.prefix(listLimit).joined(separator: "\n")
            let more = section.lines.count > listLimit ? "\n… and \(section.lines.count - listLimit) more" : ""
            let fence = MarkdownPlanRenderer.fence(for: [body])
            lines += [
                "",
                "<details\(open)><summary>\(MarkdownPlanRenderer.escape(section.title)): \(section.lines.count)</summary>",
                "",
                fence + "diff", body + more, fence, "", "</details>",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
