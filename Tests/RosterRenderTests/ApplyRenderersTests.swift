import Foundation
import RosterModel
import RosterRender
import Testing

@Suite struct ApplyRenderersTests {
    @Test func writesOneLinePerFinishRetryAndStop() throws {
        let lines = ApplyFixtures.events.compactMap { ApplyEventRenderer().line($0) }
        #expect(lines.count == ApplyFixtures.events.count - 1)
        try GoldenFile.check(lines.joined(separator: "\n") + "\n", "apply-events.txt")
    }

    @Test func saysHowAStepEnded() {
        let renderer = ApplyEventRenderer()
        let events = ApplyFixtures.events
        #expect(renderer.line(events[0]) == nil)
        #expect(renderer.line(events[2]) == #"corp: + user "ana@acme.example" applied (2 attempts, 0.4s)"#)
        #expect(
            renderer.line(events[1])
                == #"corp: retrying create:corp.user["ana@acme.example"] (attempt 2) in 1.5s: 429 Too Many Requests"#)
        #expect(
            renderer.line(events[4])?.hasSuffix(
                "failed (1 attempt, 0.3s): x8: 409 uniqueness on email "
                    + "'dave@acme.example' (people.yaml:30:5)") == true)
        #expect(
            renderer.line(events[5])?.hasSuffix(#"skipped: waited on create:corp.user["ana@acme.example"]"#) == true)
        #expect(renderer.line(events[7])?.hasPrefix("five9: stopped: 401 Unauthorized") == true)
    }

    @Test func writesOneJSONObjectPerEvent() throws {
        let lines = ApplyFixtures.events.map { ApplyEventRenderer().jsonLine($0, at: ApplyFixtures.at) }
        #expect(lines.allSatisfy { !$0.contains("\n") })
        try GoldenFile.check(lines.joined(separator: "\n") + "\n", "apply-events.jsonl")
        let types = try lines.map { line in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object["type"] as? String
        }
        #expect(Set(types.compactMap { $0 }) == ["step_started", "step_retry", "step_finished", "provider_stopped"])
        #expect(lines[0].hasPrefix(#"{"action":"create","address":{"#))
        #expect(lines[0].contains(#""at":"2026-01-01T00:00:00.250Z""#))
    }

    @Test func drawsAProgressBarPerProvider() throws {
        let rows = [
            ProviderProgress(name: "corp", done: 45, total: 100, failed: 3, requestsPerSecond: 4, etaSeconds: 14),
            ProviderProgress(name: "five9-east", done: 7, total: 7, requestsPerSecond: 0.5),
            ProviderProgress(name: "x8", done: 0, total: 12, requestsPerSecond: 0),
        ]
        let text = ProgressRenderer().render(rows)
        try GoldenFile.check(text + "\n", "progress.txt")
        let single = ProgressRenderer().render([rows[0]])
        #expect(single == "corp      [#########-----------]  45/100  3 failed  4.0 req/s  ETA 14s")
    }

    @Test func reportsEveryOutcomeAndTheResidualPlan() throws {
        let renderer = ApplyReportRenderer()
        let text = renderer.render(ApplyFixtures.report, color: false, plan: PlanFixtures.everyAction)
        try GoldenFile.check(text, "apply-report.txt")
        #expect(text.hasPrefix("Apply: 1 applied, 1 already done, 1 failed, 2 skipped, 1 manual (34.2s)."))
        #expect(text.contains("Not converged: 3 changes remain"))
        #expect(!text.contains("\u{1B}"))
        #expect(renderer.render(ApplyFixtures.report, color: true).contains("\u{1B}[1;31mFailed (1):\u{1B}[0m"))
        try GoldenFile.check(renderer.json(ApplyFixtures.report), "apply-report.json")
    }

    @Test func saysWhenAFreshPlanConverged() {
        let step = ApplyFixtures.step(ApplyFixtures.createAna)
        var report = ApplyReport(outcomes: [StepOutcome(step: step, status: .applied, attempts: 1, seconds: 0.1)])
        report.residual = Plan(providers: [PlanFixtures.corpSummary])
        #expect(
            ApplyReportRenderer().render(report, color: false).hasSuffix(
                "\n\nConverged: a fresh plan shows no changes.\n"))
        report.residual = nil
        #expect(ApplyReportRenderer().render(report, color: false).contains("Convergence not checked"))
    }

    @Test func longSkippedListsAreCutWithACountAndAStoppedProviderFoldsToOneLine() {
        let skipped = (0..<60).map { index in
            StepOutcome(
                step: PlanStep(address: .user("corp", "u\(index)@acme.example"), action: .create, reason: "t"),
                status: .skipped, waitedOn: "create:corp.group[\"Sales\"]")
        }
        let stopped = (0..<30).map { index in
            StepOutcome(
                step: PlanStep(address: .user("five9", "u\(index)@acme.example"), action: .create, reason: "t"),
                status: .skipped, waitedOn: "provider five9 stopped")
        }
        let report = ApplyReport(outcomes: skipped + stopped, stoppedProviders: ["five9": "401"])
        let text = ApplyReportRenderer().render(report, color: false)
        #expect(text.contains("Skipped (90):\n  five9: 30 steps not run: the provider was stopped\n"))
        #expect(text.contains("  … and 10 more (see --output json)\n"))
        #expect(!text.contains("u55@acme.example"))
        #expect(!text.contains("five9: + user"))
    }

    @Test func listsManualStepsAsAToDo() {
        let text = ApplyReportRenderer().render(ApplyFixtures.report, color: false, plan: PlanFixtures.everyAction)
        #expect(text.contains(#"  [ ] x8: user "jdoe" site "Boston" -> "Denver""#))
        #expect(text.contains("      8x8 site is write-once through the API"))
        let bare = ApplyReportRenderer().render(ApplyFixtures.report, color: false)
        #expect(bare.contains(#"  [ ] x8: user "jdoe""#))
    }

    @Test func writesTheReportAsJSON() throws {
        let json = ApplyReportRenderer().json(ApplyFixtures.report)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["applied": 1, "already_done": 1, "failed": 1, "skipped": 2, "manual": 1])
        #expect(object["converged"] as? Bool == false)
        let residual = try #require(object["residual"] as? [String: Any])
        #expect((residual["steps"] as? [Any])?.count == 3)
    }
}
