import Foundation
import RosterModel
import RosterRender
import Testing

/// The pull-request comment read by a real CommonMark renderer (markdown-it-py, installed by scripts/test), the way
/// GitHub and GitLab read it: the marker stays hidden, the table is a table, every provider's details block holds
/// exactly one diff block, and a 5,000-change plan stays under the comment limit with an honest count.
@Suite struct MarkdownRenderingTests {
    /// What markdown-it makes of a comment.
    struct Rendered: Decodable {
        /// Leading HTML comments (hidden when rendered).
        var hiddenLines: [String]
        /// Header cells of each table, then its number of body rows.
        var tables: [[String]]
        var tableRows: [Int]
        /// Opening and closing `<details>` blocks, and fenced blocks with their info string.
        var detailsOpened: Int
        var detailsClosed: Int
        var fences: [String]
        /// Lines inside fences that do not start with a diff marker or a space.
        var strayFenceLines: [String]
        /// The visible text of paragraphs.
        var paragraphs: [String]
        /// The rendered HTML.
        var html: String
    }

    static let script = """
        import json, sys
        from markdown_it import MarkdownIt
        source = sys.stdin.read()
        md = MarkdownIt("commonmark", {"html": True}).enable("table")
        tokens = md.parse(source)
        out = {"hiddenLines": [], "tables": [], "tableRows": [], "detailsOpened": 0, "detailsClosed": 0,
               "fences": [], "strayFenceLines": [], "paragraphs": [], "html": md.render(source)}
        for i, t in enumerate(tokens):
            if t.type == "html_block":
                for line in t.content.splitlines():
                    if line.startswith("<!--"):
                        out["hiddenLines"].append(line)
                out["detailsOpened"] += t.content.count("<details")
                out["detailsClosed"] += t.content.count("</details>")
            elif t.type == "fence":
                out["fences"].append(t.info)
                out["strayFenceLines"] += [l for l in t.content.splitlines() if l[:1] not in ("+", "-", "~", "!", " ")]
            elif t.type == "table_open":
                heads, rows, j = [], 0, i
                while tokens[j].type != "table_close":
                    if tokens[j].type == "th_open":
                        heads.append(tokens[j + 1].content)
                    if tokens[j].type == "tr_open" and tokens[j - 1].type == "tbody_open" or (
                            tokens[j].type == "tr_open" and tokens[j - 1].type == "tr_close" and rows > 0):
                        rows += 1
                    j += 1
                out["tables"].append(heads)
                out["tableRows"].append(rows)
            elif t.type == "inline" and tokens[i - 1].type == "paragraph_open":
                out["paragraphs"].append(t.content)
        print(json.dumps(out))
        """

    /// Renders `markdown` with markdown-it-py.
    static func render(_ markdown: String) throws -> Rendered {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("md-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardInput = input
        process.standardOutput = handle
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try handle.close()
        let data = try Data(contentsOf: output)
        try #require(process.terminationStatus == 0, "markdown-it-py is missing? scripts/test installs it")
        return try JSONDecoder().decode(Rendered.self, from: data)
    }

    static func document(_ plan: Plan) -> PlanDocument {
        var document = PlanDocument(plan: plan, metadata: PlanFixtures.metadata)
        document.planDigest = "sha256:0123abcd"
        return document
    }

    @Test func theCommentRendersAsATableAndOneDiffPerProvider() throws {
        let text = MarkdownPlanRenderer(maskPII: true).render(Self.document(PlanFixtures.everyAction))
        let rendered = try Self.render(text)
        #expect(
            rendered.hiddenLines == [
                MarkdownPlanRenderer.commentMarker, "<!-- roster-plan-digest: sha256:0123abcd -->",
            ])
        #expect(rendered.tables.first?.prefix(3) == ["provider", "type", "create"])
        #expect(rendered.tableRows == [4])
        #expect(rendered.detailsOpened == 3 && rendered.detailsClosed == 3)
        #expect(rendered.fences == ["diff", "diff", "diff"])
        #expect(rendered.strayFenceLines.isEmpty, "\(rendered.strayFenceLines)")
        #expect(rendered.html.hasPrefix("<!-- roster-plan -->\n<!-- roster-plan-digest: sha256:0123abcd -->\n<h3>"))
        #expect(!rendered.html.contains("Ana Lima") && !rendered.html.contains("+1 555 0100"), "masked")
        #expect(rendered.html.contains("<summary>corp (scim):"))
        #expect(rendered.paragraphs.last?.contains("Plan `sha256:0123abcd`, roster 0.1.0.") == true)
    }

    @Test func fiveThousandChangesStayUnderTheLimitWithAnHonestCount() throws {
        let plan = Self.fiveThousandChanges
        let text = MarkdownPlanRenderer().render(Self.document(plan))
        #expect(text.count < 65_000 && text.utf8.count < 65_000)
        let rendered = try Self.render(text)
        #expect(rendered.detailsOpened == rendered.detailsClosed)
        #expect(rendered.fences.count == rendered.detailsOpened)
        #expect(rendered.strayFenceLines.isEmpty)
        let shown = try Self.shownSteps(rendered.html, providers: plan.providers)
        let more = try #require(rendered.paragraphs.first { $0.hasPrefix("… and ") })
        #expect(more == "… and \(5_000 - shown) more steps not shown (run `roster plan` for the full plan)")
        #expect(shown > 100, "a useful share is shown")
        #expect(rendered.tableRows == [3], "every provider is in the table, even those not shown")
    }

    /// Steps shown: each provider's "(N of M steps shown)", or all its steps when its block is complete.
    static func shownSteps(_ html: String, providers: [ProviderSummary]) throws -> Int {
        var shown = 0
        for summary in html.components(separatedBy: "<summary>").dropFirst() {
            let line = summary.components(separatedBy: "</summary>")[0]
            let name = String(line.prefix { $0 != " " })
            let total = providers.first { $0.name == name }.map { $0.counts.values.reduce(0, +) } ?? 0
            if let range = line.range(of: #"\((\d+) of \d+ steps shown\)"#, options: .regularExpression) {
                shown += Int(line[range].dropFirst().prefix { $0.isNumber }) ?? 0
            } else {
                shown += total
            }
        }
        return shown
    }

    /// 5,000 title updates over three providers, each different, so none collapse.
    static var fiveThousandChanges: Plan {
        var steps: [PlanStep] = []
        var providers: [ProviderSummary] = []
        for (provider, count) in [("corp", 2_000), ("five9", 2_000), ("genesys", 1_000)] {
            for index in 0..<count {
                steps.append(
                    PlanStep(
                        address: .user(provider, "agent\(index)@acme.example"), action: .update,
                        changes: [
                            AttributeChange(
                                name: "title", before: .string("Agent \(index)"), after: .string("Lead \(index)"))
                        ], method: "PATCH", reason: "differs from the manifests"))
            }
            providers.append(
                ProviderSummary(
                    name: provider, type: .scim, counts: [.update: count], liveUsers: count, estimatedCalls: count,
                    estimatedSeconds: Double(count) / 10, pace: Pace(requestsPerSecond: 10, concurrency: 2)))
        }
        return Plan(steps: steps, providers: providers)
    }
}
