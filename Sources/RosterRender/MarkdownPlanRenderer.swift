import Foundation

/// Renders a plan document as one pull-request comment: a marker line CI finds to update the comment, problems
/// and manual steps first, a per-provider summary table, then each provider's steps folded in a `diff` block.
///
/// Long plans are cut between steps (never inside a block) to stay under `limit`, with an honest line saying how
/// many steps are not shown.
public struct MarkdownPlanRenderer: Sendable {
    /// The first line of every comment; CI updates the comment that carries it instead of adding another.
    public static let commentMarker = "<!-- roster-plan -->"

    /// Whether personal attribute values are replaced by `(masked)`; userNames and access settings stay visible.
    public var maskPII: Bool
    /// The most UTF-8 bytes the comment may have (GitHub refuses comments over 65,536 characters).
    public var limit: Int
    /// More than this many identical steps of one provider collapse into one line.
    public var bulkThreshold: Int
    /// Unsafe kinds of change that are allowed (`provider:kind`, as `--allow` names them); their warnings say so.
    public var allowances: Set<String>

    /// How many diagnostics or manual steps are listed at the top before "and N more".
    static let listLimit = 50
    /// Bytes kept free for the closing "… and N more steps" line.
    static let footerReserve = 160

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - maskPII: Mask names, emails, phone numbers, titles and other personal values (see `AttributeMask`).
    ///   - limit: The most UTF-8 bytes of output; steps that do not fit are counted, not shown.
    ///   - bulkThreshold: More than this many identical steps collapse into one line.
    ///   - allowances: Unsafe kinds of change that are allowed, `provider:kind`.
    public init(
        maskPII: Bool = false, limit: Int = 60_000, bulkThreshold: Int = 20, allowances: Set<String> = []
    ) {
        self.maskPII = maskPII
        self.limit = limit
        self.bulkThreshold = bulkThreshold
        self.allowances = allowances
    }

    /// The comment's Markdown, ending with a newline.
    public func render(_ document: PlanDocument) -> String {
        var output = headLines(document).joined(separator: "\n") + "\n"
        let footer = footerLines(document).joined(separator: "\n")
        let layout = StepLayout(maskPII: maskPII, bulkThreshold: bulkThreshold)
        var notShown = 0
        for provider in ProviderView.all(document) where !provider.steps.isEmpty {
            guard notShown == 0 else {
                notShown += provider.steps.count
                continue
            }
            let budget = limit - output.utf8.count - Self.footerReserve - footer.utf8.count
            let block = details(provider, chunks: layout.chunks(provider.steps), budget: budget)
            output += block.text
            notShown += provider.steps.count - block.shown
        }
        if notShown > 0 {
            output +=
                "\n… and \(PlanFormat.count(notShown, "more step")) not shown "
                + "(run `roster plan` for the full plan)\n"
        }
        return output + (footer.isEmpty ? "" : "\n" + footer + "\n")
    }

    /// One provider's `<details>` block holding as many whole steps as fit in `budget` bytes; empty when not even
    /// the first step fits.
    func details(_ provider: ProviderView, chunks: [PlanChunk], budget: Int) -> (text: String, shown: Int) {
        let bodies = chunks.map { $0.lines.map(Self.diffLine).joined(separator: "\n") + "\n" }
        let fence = Self.fence(for: bodies)
        let summaryReserve = 200 + provider.header.utf8.count + provider.summaryLine.utf8.count
        var body = ""
        var shown = 0
        for (chunk, text) in zip(chunks, bodies) {
            guard summaryReserve + body.utf8.count + text.utf8.count + 2 * fence.utf8.count <= budget else { break }
            body += text
            shown += chunk.stepCount
        }
        guard shown > 0 else { return ("", 0) }
        var summary = "\(provider.header): \(provider.summaryLine)"
        if shown < provider.steps.count { summary += " (\(shown) of \(provider.steps.count) steps shown)" }
        let text =
            "\n<details><summary>\(Self.escape(summary))</summary>\n\n\(fence)diff\n" + body + fence
            + "\n\n</details>\n"
        return (text, shown)
    }

    /// A plan line in a diff block: the marker in the first column (so GitHub colours it), indented after it.
    static func diffLine(_ line: PlanLine) -> String {
        (line.marker ?? " ") + " " + String(repeating: " ", count: 4 * line.depth) + line.text
    }

    /// Three backticks, or more when a step's text itself contains a run of them.
    static func fence(for bodies: [String]) -> String {
        var longest = 0
        for body in bodies where body.contains("`") {
            var run = 0
            for character in body {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// Text safe to place in Markdown and HTML: `<`, `>` and `&` become entities.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Text as an inline code span, with a longer delimiter when it contains backticks.
    static func code(_ text: String) -> String {
        text.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }
}
