import RosterModel
import Testing

@testable import RosterPlanner

/// `policy adopt: true`: matched users roster did not create get its ownership marker, and nothing else does.
@Suite("Planner: adoption")
struct PlannerAdoptionTests {
    private let adopt = ProviderPolicy(adopt: true)

    private func live(_ user: User, id: String = "1") -> LiveResources {
        LiveResources(users: [LiveObject(id: id, value: user)])
    }

    @Test func anUnmarkedMatchedUserGetsTheMarkerAndNothingElse() throws {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana")]), live: live(Fixture.user("ana")), policy: adopt)
        let step = try #require(plan.steps.first)
        #expect(plan.steps.count == 1)
        #expect(step.action == .update)
        #expect(step.changes == [AttributeChange(name: "externalId", before: nil, after: .string("roster:ana"))])
        #expect(step.user?.externalId == "roster:ana")
        #expect(step.reason.contains("adopted"))
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func anAdoptedUserWithOtherChangesGetsOneStepCarryingBoth() throws {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana", title: "Lead")]),
            live: live(Fixture.user("ana", title: "Agent")), policy: adopt)
        let step = try #require(plan.steps.first)
        #expect(plan.steps.count == 1)
        #expect(Set(step.changes.map(\.name)) == [Attribute.title, "externalId"])
    }

    @Test func withoutThePolicyOrForOwnedUsersNothingIsPlanned() {
        #expect(
            Fixture.plan(desired: ProviderResources(users: [Fixture.user("ana")]), live: live(Fixture.user("ana")))
                .isEmpty)
        #expect(
            Fixture.plan(
                desired: ProviderResources(users: [Fixture.user("ana")]), live: live(Fixture.user("ana", owned: true)),
                policy: adopt
            ).isEmpty)
    }

    @Test func anExternalIdAnotherSystemWroteIsNeverOverwritten() throws {
        var linked = Fixture.user("ana")
        linked.externalId = "okta|00u1abcd"
        var desired = Fixture.user("ana")
        desired.origin = SourceLocation(file: "people.yaml", line: 3, column: 5)
        let plan = Fixture.plan(desired: ProviderResources(users: [desired]), live: live(linked), policy: adopt)
        #expect(plan.steps.isEmpty)
        let warning = try #require(plan.diagnostics.first)
        #expect(warning.code == "adopt-foreign-marker")
        #expect(!warning.isError)
        #expect(warning.message.contains("okta|00u1abcd"))
        #expect(warning.location == desired.origin)
    }

    @Test func aWriteOnlyThroughPutKeepsTheReasonForThePut() throws {
        var caps = Fixture.caps
        caps.patchableAttributes = ["active"]
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana")]), live: live(Fixture.user("ana")), caps: caps,
            policy: adopt)
        #expect(plan.steps.first?.method == "GET+PUT")
    }
}
