import RosterModel

/// Renders a drift report for a terminal or a log, and as Markdown for an issue or a chat message: one section per
/// kind of drift, the kinds that need attention first.
public struct DriftRenderer: Sendable {
    /// The first line of the Markdown form, so a scheduled job can update one issue instead of opening another.
    public static let issueMarker = "<!-- roster-drift -->"

    /// Whether personal attribute values are replaced by `(masked)` (see `AttributeMask`).
    public var maskPII: Bool
    /// How many entries each section lists before "… and N more".
    public var listLimit: Int

    /// Creates a renderer.
    public init(maskPII: Bool = false, listLimit: Int = 200) {
        self.maskPII = maskPII
        self.listLimit = listLimit
    }

    /// The sections in the order they are shown: title, marker, entries as lines.
    func sections(_ report: DriftReport) -> [(title: String, lines: [String])] {
        let layout = StepLayout(maskPII: maskPII, bulkThreshold: Int.max)
        func lines(_ entries: [DriftReport.Entry], _ marker: String) -> [String] {
            entries.map { entry in
                let subject =
                    "\(entry.provider) " + StepLayout.subject(Self.address(entry)) + StepLayout.lifecycle(entry.action)
                // A missing object's every attribute would be listed; its address says enough (the JSON has them).
                let changes = (entry.action == .create ? [] : entry.changes).map { change in
                    "\(change.name): \(layout.value(change.before, change.name)) (live) -> "
                        + "\(layout.value(change.after, change.name)) (manifests)"
                }
                return ([marker + " " + subject] + changes.map { "    " + $0 }).joined(separator: "\n")
            }
        }
        let new = report.unmanaged.filter(\.new)
        let known = report.unmanaged.filter { !$0.new }
        var result: [(String, [String])] = [
            ("Changed outside roster on managed objects (apply would change them back)", lines(report.changed, "~")),
            (
                "Declared but missing on the platform (deleted outside roster, or not applied yet)",
                lines(report.missing, "+")
            ),
            ("Owned by roster but no longer declared (the next apply deprovisions them)", lines(report.orphaned, "-")),
        ]
        if report.hasBaseline {
            result.append(
                ("New unmanaged objects since the baseline (not in the manifests; left alone)", new.map(Self.line)))
            result.append(("Unmanaged objects already in the baseline", known.map(Self.line)))
        } else {
            result.append(("Unmanaged objects (not in the manifests; left alone)", known.map(Self.line)))
        }
        return result
    }

    /// The report as text, ending with a newline.
    public func render(_ report: DriftReport) -> String {
        var output = ""
        for section in sections(report)
        where !(section.lines.isEmpty && section.title.hasPrefix("Unmanaged objects already")) {
            output += "\(section.title): \(section.lines.count)\n"
            for line in section.lines.prefix(listLimit) {
                output += line.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
            if section.lines.count > listLimit { output += "  … and \(section.lines.count - listLimit) more\n" }
        }
        return output + "\n" + summary(report) + "\n"
    }

    /// The one-line summary.
    ///
    /// For example `Drift: 3 changed, 1 missing, 0 orphaned; 12 unmanaged (2 new).`
    public func summary(_ report: DriftReport) -> String {
        var text =
            "Drift: \(report.changed.count) changed, \(report.missing.count) missing, \(report.orphaned.count) orphaned; "
            + "\(report.unmanaged.count) unmanaged"
        if report.hasBaseline { text += " (\(report.unmanaged.filter(\.new).count) new)" }
        return text + "."
    }

    /// `corp user "it.admin@acme.example" (id 42, active)`.
    static func line(_ entry: DriftReport.UnmanagedEntry) -> String {
        let state = entry.active.map { $0 ? ", active" : ", inactive" } ?? ""
        return "\(entry.provider) \(entry.kind.rawValue) \(PlanFormat.quoted(entry.name)) (id \(entry.id)\(state))"
    }

    /// The entry's address in the plan document's shape, for the shared layout.
    static func address(_ entry: DriftReport.Entry) -> PlanDocument.AddressEntry {
        PlanDocument.AddressEntry(provider: entry.provider, kind: entry.kind, keys: entry.keys)
    }
}
