import Foundation
import RosterModel
import RosterRender
import Testing

@Suite struct MarkdownPlanRendererTests {
    let document = PlanDocument(plan: PlanFixtures.everyAction, metadata: PlanFixtures.metadata)
    let large = PlanDocument(plan: PlanFixtures.large, metadata: PlanFixtures.metadata)

    @Test func matchesTheGoldenMarkdown() throws {
        try GoldenFile.check(MarkdownPlanRenderer().render(document), "markdown.md")
        try GoldenFile.check(MarkdownPlanRenderer(maskPII: true).render(document), "markdown-masked.md")
        let empty = PlanDocument(plan: PlanFixtures.empty, metadata: PlanFixtures.metadata)
        try GoldenFile.check(MarkdownPlanRenderer().render(empty), "empty-markdown.md")
    }

    @Test func startsWithTheCommentMarker() {
        let text = MarkdownPlanRenderer().render(document)
        #expect(text.hasPrefix("<!-- roster-plan -->\n"))
    }

    @Test func putsProblemsAndManualStepsBeforeTheTable() throws {
        let text = MarkdownPlanRenderer().render(document)
        let errors = try #require(text.range(of: "#### Errors"))
        let manual = try #require(text.range(of: "- [ ] `x8`: `user \"jdoe\" site \"Boston\" -> \"Denver\"`"))
        let table = try #require(text.range(of: "| provider | type |"))
        #expect(errors.lowerBound < manual.lowerBound && manual.lowerBound < table.lowerBound)
        #expect(text.contains("`--allow corp:deprovision`"))
    }

    @Test func masksPersonalValuesButNotUserNamesOrAccess() {
        let text = MarkdownPlanRenderer(maskPII: true).render(document)
        for secret in ["Ana Lima", "Senior Agent", "+1 555 0100", "Support\" ->"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        #expect(text.contains("displayName = (masked)"))
        #expect(text.contains(#"user "ana@acme.example""#))
        #expect(text.contains(#"roles       = ["agent"]"#))
        #expect(text.contains(#"level = 2 -> 4"#))
    }

    @Test func fitsFiveThousandStepsInOneComment() {
        let text = MarkdownPlanRenderer().render(large)
        #expect(text.utf8.count < 65_000)
        #expect(text.utf8.count <= 60_000)
        #expect(text.contains("more steps not shown (run `roster plan` for the full plan)"))
        expectBalanced(text)
    }

    @Test func countsEveryStepItDoesNotShow() throws {
        let text = MarkdownPlanRenderer().render(large)
        let shownLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("<details><summary>bulk") })
        let shown = try #require(Int(shownLine.split(separator: "(").last!.split(separator: " ").first!))
        #expect(text.contains("… and \(5000 - shown) more steps not shown"))
    }

    @Test func cutsOnlyBetweenStepsUnderATightLimit() {
        for limit in [1_500, 2_500, 3_500, 5_000] {
            let text = MarkdownPlanRenderer(limit: limit).render(document)
            #expect(text.utf8.count <= limit, "limit \(limit)")
            expectBalanced(text)
        }
        let tight = MarkdownPlanRenderer(limit: 2_500).render(document)
        #expect(tight.contains("more steps not shown"))
    }

    @Test func showsEverythingWhenItFits() {
        let text = MarkdownPlanRenderer().render(document)
        #expect(!text.contains("not shown"))
        #expect(text.components(separatedBy: "<details>").count == 4)
    }

    @Test func escapesHTMLInMessages() {
        let plan = Plan(diagnostics: [.error("bad-name", "name <script> & more", at: nil)])
        let text = MarkdownPlanRenderer().render(PlanDocument(plan: plan, metadata: PlanFixtures.metadata))
        #expect(text.contains("name &lt;script&gt; &amp; more"))
        #expect(!text.contains("<script>"))
    }

    @Test func usesALongerFenceWhenAStepContainsOne() {
        let step = PlanStep(
            address: .user("corp", "a"), action: .create,
            changes: [AttributeChange(name: "title", before: nil, after: .string("```"))], reason: "")
        let text = MarkdownPlanRenderer().render(
            PlanDocument(plan: Plan(steps: [step]), metadata: PlanFixtures.metadata))
        #expect(text.contains("\n````diff\n+ user \"a\"\n+     title = \"```\"\n````\n"))
    }

    private func expectBalanced(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fences = text.split(separator: "\n").filter { $0.hasPrefix("```") }.count
        #expect(fences % 2 == 0, "unbalanced fences", sourceLocation: sourceLocation)
        let opened = text.components(separatedBy: "<details>").count
        let closed = text.components(separatedBy: "</details>").count
        #expect(opened == closed, "unbalanced details", sourceLocation: sourceLocation)
        for block in text.components(separatedBy: "<details>").dropFirst() {
            let inner = block.components(separatedBy: "</details>")[0]
            #expect(
                inner.split(separator: "\n").filter { $0.hasPrefix("```") }.count == 2, sourceLocation: sourceLocation)
        }
    }
}
