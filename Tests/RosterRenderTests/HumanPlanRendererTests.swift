import Foundation
import RosterModel
import RosterRender
import Testing

@Suite struct HumanPlanRendererTests {
    let document = PlanDocument(plan: PlanFixtures.everyAction, metadata: PlanFixtures.metadata)

    @Test func matchesTheGoldenText() throws {
        try GoldenFile.check(HumanPlanRenderer(color: false).render(document), "human.txt")
        try GoldenFile.check(HumanPlanRenderer(color: true).render(document), "human-color.txt")
    }

    @Test func matchesTheGoldenTextForAnEmptyPlan() throws {
        let empty = PlanDocument(plan: PlanFixtures.empty, metadata: PlanFixtures.metadata)
        let text = HumanPlanRenderer(color: false).render(empty)
        try GoldenFile.check(text, "empty-human.txt")
        #expect(text.hasSuffix("No changes. Live state matches the manifests.\n"))
    }

    @Test func writesNoEscapeCodesWithoutColor() {
        #expect(!HumanPlanRenderer(color: false).render(document).contains("\u{1B}"))
    }

    @Test func coloursMarkersWithColor() {
        let text = HumanPlanRenderer(color: true).render(document)
        #expect(text.contains("\u{1B}[32m+\u{1B}[0m user \"ana@acme.example\""))
        #expect(text.contains("\u{1B}[33m~\u{1B}[0m user \"bob@acme.example\" (PATCH)"))
        #expect(text.contains("\u{1B}[31m-\u{1B}[0m user \"old@acme.example\" will be deactivated"))
        #expect(text.contains("\u{1B}[1mcorp (scim)\u{1B}[0m"))
    }

    @Test func putsProblemsBeforeTheSteps() throws {
        let text = HumanPlanRenderer(color: false).render(document)
        let error = try #require(text.range(of: "Error: group \"Support\""))
        let unsafe = try #require(text.range(of: "Unsafe: corp: would deprovision"))
        let firstProvider = try #require(text.range(of: "corp (scim)"))
        #expect(error.lowerBound < unsafe.lowerBound)
        #expect(unsafe.lowerBound < firstProvider.lowerBound)
        #expect(text.contains("roster apply --allow corp:deprovision"))
        #expect(text.contains("The plan has 1 error; apply refuses it until it is fixed."))
    }

    @Test func saysALockoutCanNeverBeAllowed() {
        let violation = SafetyViolation(
            provider: "corp", kind: .lockout, count: 1, population: 1, limit: 0,
            message: "would remove the last admin")
        let text = HumanPlanRenderer(color: false).render(
            PlanDocument(plan: Plan(violations: [violation]), metadata: PlanFixtures.metadata))
        #expect(text.contains("never allowed"))
        #expect(!text.contains("--allow"))
    }

    @Test func listsOnlyTheMarkersInUse() {
        let plan = Plan(steps: [PlanStep(address: .user("corp", "a"), action: .create, reason: "")])
        let text = HumanPlanRenderer(color: false).render(PlanDocument(plan: plan, metadata: PlanFixtures.metadata))
        #expect(text.contains("Actions are marked with these symbols:\n  + create\n\n"))
    }

    @Test func collapsesMoreThanTwentyIdenticalSteps() {
        let text = render(skillSteps(21))
        #expect(text.contains(#"  + user_skill "Billing" (level 3) for 21 users: u0, u1, u2 and 18 more"#))
        #expect(!text.contains(#"user_skill "u5""#))
        #expect(
            text.contains(
                "Plan: 0 to create, 0 to update, 0 to reactivate, 0 to deactivate, 0 to delete, "
                    + "21 assignment changes, 0 manual."))
    }

    @Test func showsTwentyIdenticalStepsOneByOne() {
        let text = render(skillSteps(20))
        #expect(text.contains(#"  + user_skill "u19" "Billing" (level 3)"#))
        #expect(!text.contains("for 20 users"))
    }

    @Test func staysShortForFiveThousandSteps() {
        let text = HumanPlanRenderer(color: false).render(
            PlanDocument(plan: PlanFixtures.large, metadata: PlanFixtures.metadata))
        #expect(
            text.contains(
                #"+ user_skill "Billing" (level 3) for 2000 users: agent0@acme.example, agent1@acme.example, "#
                    + "agent2@acme.example and 1997 more"))
        #expect(text.contains(#"+ membership "Sales Team" <- 1000 users: agent0@acme.example"#))
        #expect(text.split(separator: "\n").count < 6_100)
    }

    @Test func saysWhenNothingChangesButErrorsRemain() {
        let plan = Plan(diagnostics: [PlanFixtures.diagnostics[0]])
        let text = HumanPlanRenderer(color: false).render(PlanDocument(plan: plan, metadata: PlanFixtures.metadata))
        #expect(text.hasSuffix("No changes planned, but the errors above must be fixed first.\n"))
    }

    @Test(arguments: [
        (0.2, 0.5, "~1 API call, ~<1s at 0.5 req/s"), (14, 4, "~1 API call, ~14s at 4 req/s"),
        (200, 4, "~1 API call, ~3m 20s at 4 req/s"), (7_500, 10, "~1 API call, ~2h 5m at 10 req/s"),
    ])
    func estimatesCallsAndTime(seconds: Double, rate: Double, expected: String) {
        let summary = ProviderSummary(
            name: "corp", type: .scim, estimatedCalls: 1, estimatedSeconds: seconds,
            pace: Pace(requestsPerSecond: rate, concurrency: 1))
        let text = render(Plan(providers: [summary]))
        #expect(text.hasPrefix("corp: no changes; " + expected + "\n"))
    }

    private func skillSteps(_ count: Int) -> Plan {
        Plan(
            steps: (0..<count).map {
                PlanStep(
                    address: .userSkill("five9", user: "u\($0)", skill: "Billing"), action: .add, reason: "", level: 3)
            })
    }

    private func render(_ plan: Plan) -> String {
        HumanPlanRenderer(color: false).render(PlanDocument(plan: plan, metadata: PlanFixtures.metadata))
    }
}
