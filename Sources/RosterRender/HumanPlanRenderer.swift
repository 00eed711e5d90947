import RosterModel

/// Renders a plan document for a terminal, in the Terraform tradition: problems first, a legend of the markers
/// used, then each provider's steps with `old -> new` per attribute, a summary line per provider, and one final
/// count line.
///
/// Output is deterministic (same document, same bytes) and carries escape codes only when `color` is on.
public struct HumanPlanRenderer: Sendable {
    /// Whether to colour markers (green `+`, yellow `~`, red `-`) and embolden headers.
    public var color: Bool
    /// More than this many identical steps of one provider collapse into one line.
    public var bulkThreshold: Int

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - color: Emit ANSI escape codes; pass `false` when the output is not a terminal or `NO_COLOR` is set.
    ///   - bulkThreshold: More than this many identical steps (the same skill at the same level, the same group,
    ///     the same deactivation) collapse into one line that names a few users and counts the rest.
    public init(color: Bool, bulkThreshold: Int = 20) {
        self.color = color
        self.bulkThreshold = bulkThreshold
    }

    /// The plan as terminal text, ending with a newline.
    public func render(_ document: PlanDocument) -> String {
        let style = PlanTextStyle(color: color)
        var sections: [[String]] = []
        let problems = problemLines(document, style)
        if !problems.isEmpty { sections.append(problems) }
        let providers = ProviderView.all(document)
        if document.isEmpty {
            if !providers.isEmpty { sections.append(providers.map { "\($0.name): \($0.summaryLine)" }) }
            let last =
                document.hasErrors
                ? "No changes planned, but the errors above must be fixed first."
                : "No changes. Live state matches the manifests."
            sections.append([style.paint(last, .emphasis)])
        } else {
            sections.append(legend(document, style))
            sections += providers.map { block($0, style) }
            sections.append([style.paint(PlanCounts(document.steps).planLine, .emphasis)])
        }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// `Actions are marked with these symbols:` and one line per marker in use, naming the actions that use it.
    func legend(_ document: PlanDocument, _ style: PlanTextStyle) -> [String] {
        let used = Set(document.steps.map(\.action))
        var lines = ["Actions are marked with these symbols:"]
        for kind in PlanActionKind.allCases {
            let actions = Action.allCases.filter { used.contains($0) && PlanActionKind($0) == kind }
            guard !actions.isEmpty else { continue }
            let words =
                kind == .manual
                ? "manual: the API cannot make the change; an admin must"
                : actions.map(\.rawValue).joined(separator: ", ")
            lines.append("  " + style.paint(kind.marker, kind.role) + " " + words)
        }
        return lines
    }

    /// A provider's header, its steps (collapsed where identical) and its summary line.
    func block(_ provider: ProviderView, _ style: PlanTextStyle) -> [String] {
        var lines = [style.paint(provider.header, .header)]
        let layout = StepLayout(maskPII: false, bulkThreshold: bulkThreshold)
        for chunk in layout.chunks(provider.steps) {
            lines += chunk.lines.map { Self.line($0, style) }
        }
        if !provider.steps.isEmpty { lines.append("") }
        lines.append("  Summary: " + provider.summaryLine)
        return lines
    }

    /// `  + user "ana"` or `      ~ title = "Agent" -> "Senior Agent"`: the marker indented by depth.
    static func line(_ line: PlanLine, _ style: PlanTextStyle) -> String {
        let indent = String(repeating: " ", count: 2 + 4 * line.depth)
        guard let marker = line.marker, let role = line.role else { return indent + line.text }
        return indent + style.paint(marker, role) + " " + line.text
    }
}
