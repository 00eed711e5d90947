import RosterModel
import RosterPlanner
import Testing

@Suite("Planner: groups, skills, ordering")
struct PlannerGroupTests {
    @Test func createsGroupAndMembershipsAfterTheUserAndGroupExist() throws {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana")], groups: [Group(name: "Sales", members: ["ana"])]),
            live: Fixture.live([]))
        #expect(
            plan.steps.map(\.id) == [
                "create:corp.group[\"Sales\"]", "create:corp.user[\"ana\"]", "add:corp.membership[\"Sales\",\"ana\"]",
            ])
        let add = try #require(plan.steps.last)
        #expect(Set(add.dependsOn) == ["create:corp.group[\"Sales\"]", "create:corp.user[\"ana\"]"])
    }

    @Test func membershipsAreAuthoritative() {
        let plan = Fixture.plan(
            desired: ProviderResources(
                users: [Fixture.user("ana"), Fixture.user("bob")], groups: [Group(name: "Sales", members: ["ana"])]),
            live: Fixture.live(
                [Fixture.user("ana"), Fixture.user("bob")], groups: [Group(name: "Sales", members: ["bob"])]))
        #expect(
            plan.steps.map(\.id) == [
                "remove:corp.membership[\"Sales\",\"bob\"]", "add:corp.membership[\"Sales\",\"ana\"]",
            ])
    }

    @Test func membershipsAreRemovedBeforeTheUserIsDeleted() throws {
        let plan = Fixture.plan(
            desired: ProviderResources(groups: [Group(name: "Sales")]),
            live: Fixture.live([Fixture.user("old", owned: true)], groups: [Group(name: "Sales", members: ["old"])]),
            policy: ProviderPolicy(deprovision: .delete))
        #expect(plan.steps.map(\.id) == ["remove:corp.membership[\"Sales\",\"old\"]", "delete:corp.user[\"old\"]"])
        #expect(plan.steps[1].dependsOn == ["remove:corp.membership[\"Sales\",\"old\"]"])
    }

    @Test func aGroupThatCannotBeCreatedIsAPlanErrorNamingIt() {
        var caps = Fixture.caps
        caps.creatableKinds = [.user]
        let plan = Fixture.plan(
            desired: ProviderResources(groups: [Group(name: "Tier 2")]), live: Fixture.live([]), caps: caps)
        #expect(plan.steps.isEmpty)
        #expect(plan.diagnostics.first?.message.contains("group 'Tier 2' does not exist on corp") == true)
    }

    @Test func aUserThatCannotBeCreatedIsAPlanErrorWithTheProvidersReason() {
        var caps = Fixture.caps
        caps.creatableKinds = [.group]
        caps.notCreatableReasons[.user] = "SAML SSO is not configured"
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana")]), live: Fixture.live([]), caps: caps)
        #expect(plan.steps.isEmpty)
        #expect(
            plan.diagnostics.first?.message
                == "corp cannot create users through its API: SAML SSO is not configured; 'ana' is missing there")
    }

    @Test func unmanagedGroupsAreCountedNotTouched() {
        let plan = Fixture.plan(desired: ProviderResources(), live: Fixture.live([], groups: [Group(name: "Theirs")]))
        #expect(plan.steps.isEmpty)
        #expect(plan.providers[0].unmanagedGroups == 1)
    }

    @Test func skillAssignmentsAsStepsWithLevels() throws {
        var caps = Fixture.caps
        caps.kinds = [.user, .group, .membership, .skill, .userSkill]
        caps.creatableKinds = [.user, .group, .skill]
        caps.userSkillsAreSteps = true
        caps.attributes.insert(Attribute.skills)
        var ana = Fixture.user("ana")
        ana.attributes[Attribute.skills] = .levels(["Sales": 1, "Billing": 3, "Spanish": 2])
        var live = Fixture.user("ana")
        live.attributes[Attribute.skills] = .levels(["Sales": 2, "Legacy": 1])
        let plan = Fixture.plan(
            desired: ProviderResources(
                users: [ana], skills: [Skill(name: "Sales"), Skill(name: "Billing"), Skill(name: "Spanish")]),
            live: Fixture.live([live], skills: ["Sales", "Legacy"]), caps: caps)
        #expect(
            plan.steps.map(\.id) == [
                "remove:corp.user_skill[\"ana\",\"Legacy\"]", "create:corp.skill[\"Billing\"]",
                "create:corp.skill[\"Spanish\"]",
                "add:corp.user_skill[\"ana\",\"Billing\"]", "modify:corp.user_skill[\"ana\",\"Sales\"]",
                "add:corp.user_skill[\"ana\",\"Spanish\"]",
            ])
        #expect(plan.steps[3].dependsOn == ["create:corp.skill[\"Billing\"]"])
        #expect(plan.steps[4].level == 1)
    }

    @Test func outputIsDeterministic() {
        let desired = ProviderResources(
            users: (0..<50).map { Fixture.user("u\($0)", title: "t") },
            groups: [Group(name: "G", members: (0..<50).map { "u\($0)" })])
        let first = Fixture.plan(desired: desired, live: Fixture.live([]))
        let second = Fixture.plan(desired: desired, live: Fixture.live([]))
        #expect(first == second)
        #expect(first.steps.count == 101)
    }

    @Test func estimateUsesThePaceAndSpacing() {
        let pace = Pace(requestsPerSecond: 2, concurrency: 1, spacing: [.user: 5])
        let plan = Fixture.plan(
            desired: ProviderResources(users: (0..<3).map { Fixture.user("u\($0)") }), live: Fixture.live([]),
            pace: pace)
        #expect(plan.providers[0].estimatedCalls == 3)
        #expect(plan.providers[0].estimatedSeconds == 10)  // spacing (2 gaps of 5 s) dominates 1.5 s at 2 req/s
    }
}
