import RosterModel
import RosterPlanner
import Testing

@Suite("Planner: safety")
struct PlannerSafetyTests {
    static func org(_ count: Int, owned: Bool = true) -> [User] {
        (0..<count).map { Fixture.user("u\($0)", owned: owned) }
    }

    @Test func deprovisioningFortyPercentOfAHundredIsUnsafe() throws {
        let users = Self.org(100)
        let plan = Fixture.plan(desired: ProviderResources(users: Array(users.prefix(60))), live: Fixture.live(users))
        let violation = try #require(plan.violations.first)
        #expect(violation.kind == .deprovision)
        #expect(violation.count == 40 && violation.population == 100)
        #expect(violation.allowance == "corp:deprovision")
        #expect(violation.message == "would deprovision 40 of 100 users (40%), over the 10% limit")
    }

    @Test func smallOrgsAreNotBlocked() {
        let users = Self.org(10)
        let plan = Fixture.plan(desired: ProviderResources(users: Array(users.prefix(5))), live: Fixture.live(users))
        #expect(plan.violations.isEmpty)
    }

    @Test func removingManyRoleAssignmentsIsUnsafe() {
        let live = (0..<30).map { Fixture.user("u\($0)", roles: ["agent", "sales"]) }
        let desired = (0..<30).map { Fixture.user("u\($0)", roles: ["agent"]) }
        let plan = Fixture.plan(desired: ProviderResources(users: desired), live: Fixture.live(live))
        #expect(plan.violations.map(\.kind) == [.assignmentRemoval])
    }

    @Test func theLastAdminIsNeverRemoved() {
        let live = [Fixture.user("boss", roles: ["admin"]), Fixture.user("ana", roles: ["agent"])]
        let desired = [Fixture.user("boss", roles: ["agent"]), Fixture.user("ana", roles: ["agent"])]
        let plan = Fixture.plan(desired: ProviderResources(users: desired), live: Fixture.live(live))
        #expect(plan.violations.map(\.kind) == [.lockout])
    }

    @Test func protectedIdentitiesLosingAdminIsALockout() {
        let live = [Fixture.user("boss", roles: ["admin"]), Fixture.user("ana", roles: ["admin"])]
        let desired = [Fixture.user("boss", roles: ["agent"]), Fixture.user("ana", roles: ["admin"])]
        let plan = Fixture.plan(
            desired: ProviderResources(users: desired), live: Fixture.live(live),
            policy: ProviderPolicy(protect: ["boss"]))
        #expect(plan.violations.map(\.message) == ["would remove the admin role of protected identity 'boss'"])
    }
}
