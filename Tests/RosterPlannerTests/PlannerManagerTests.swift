import RosterModel
import RosterPlanner
import Testing

/// Managers are named by userName in roster and by id on the wire: a step that sets a manager runs after the
/// manager's create, an unknown manager is a plan error, and manager cycles among creates are broken.
@Suite("Planner: managers")
struct PlannerManagerTests {
    static var caps: ProviderCapabilities {
        var caps = Fixture.caps
        caps.attributes.insert(Attribute.manager)
        return caps
    }

    static func user(_ name: String, manager: String? = nil, title: String? = nil, line: Int = 1) -> User {
        var user = Fixture.user(name, title: title)
        user.attributes[Attribute.manager] = manager.map(AttributeValue.string)
        user.origin = SourceLocation(file: "people.yaml", line: line, column: 5)
        return user
    }

    static func plan(
        _ desired: [User], live: [User] = [], caps: ProviderCapabilities = caps, policy: ProviderPolicy = .init()
    ) -> Plan {
        Fixture.plan(desired: ProviderResources(users: desired), live: Fixture.live(live), caps: caps, policy: policy)
    }

    static func step(_ plan: Plan, _ id: String) throws -> PlanStep {
        try #require(plan.steps.first { $0.id == id }, "\(plan.steps.map(\.id))")
    }

    @Test func aCreateWaitsForTheCreateOfItsManager() throws {
        // "ana" sorts before "zoe", so only the dependency puts Zoe first.
        let plan = Self.plan([Self.user("ana", manager: "Zoe"), Self.user("zoe")])
        #expect(plan.steps.map(\.id) == [#"create:corp.user["zoe"]"#, #"create:corp.user["ana"]"#])
        let ana = try Self.step(plan, #"create:corp.user["ana"]"#)
        #expect(ana.dependsOn == [#"create:corp.user["zoe"]"#])
        #expect(ana.user?.attributes[Attribute.manager] == .string("Zoe"))
        #expect(!plan.hasErrors)
    }

    @Test func anUpdateThatSetsANewManagerWaitsForItsCreate() throws {
        let plan = Self.plan(
            [Self.user("ana", manager: "zoe"), Self.user("zoe")], live: [Self.user("ana", manager: "bob")])
        let update = try Self.step(plan, #"update:corp.user["ana"]"#)
        #expect(update.method == "PATCH")
        #expect(
            update.changes == [AttributeChange(name: Attribute.manager, before: .string("bob"), after: .string("zoe"))])
        #expect(update.dependsOn == [#"create:corp.user["zoe"]"#])
    }

    @Test func aManagerChangeBetweenLiveUsersIsAPlainUpdate() throws {
        let plan = Self.plan(
            [Self.user("ana", manager: "carl"), Self.user("bob"), Self.user("carl")],
            live: [Self.user("ana", manager: "bob"), Self.user("bob"), Self.user("carl")])
        #expect(plan.steps.map(\.id) == [#"update:corp.user["ana"]"#])
        #expect(plan.steps[0].dependsOn.isEmpty)
        #expect(!plan.hasErrors)
    }

    @Test func theSameManagerInAnotherCaseIsNoChange() {
        let plan = Self.plan(
            [Self.user("ana", manager: "Bob"), Self.user("bob")],
            live: [Self.user("ana", manager: "bob"), Self.user("bob")])
        #expect(plan.steps.isEmpty)
    }

    @Test func aManagerLeftOutOfTheManifestsIsLeftAlone() {
        // Like every optional attribute: only what the manifests say is diffed, so no step unsets it.
        let plan = Self.plan(
            [Self.user("ana"), Self.user("bob")], live: [Self.user("ana", manager: "bob"), Self.user("bob")])
        #expect(plan.steps.isEmpty)
    }

    @Test func aManagerNeitherLiveNorCreatedIsAPlanErrorAtThePerson() throws {
        let plan = Self.plan([Self.user("ana", manager: "ghost@acme.example", line: 12)])
        let error = try #require(plan.diagnostics.first { $0.code == "manager-missing" })
        #expect(error.isError)
        #expect(error.location == SourceLocation(file: "people.yaml", line: 12, column: 5))
        #expect(error.message.contains("'ghost@acme.example' is neither on corp nor created by this plan"))
        #expect(error.hint == "give 'ghost@acme.example' an account on corp in the manifests, or remove the manager")
    }

    @Test func aManagerWhoIsLiveButNotInTheManifestsIsFine() {
        let plan = Self.plan([Self.user("ana", manager: "boss")], live: [Self.user("boss")])
        #expect(!plan.hasErrors)
        #expect(plan.steps.map(\.id) == [#"create:corp.user["ana"]"#])
    }

    @Test func aManagerThisPlanDeletesIsAPlanError() throws {
        var policy = ProviderPolicy()
        policy.prune = .all
        policy.deprovision = .delete
        let plan = Self.plan([Self.user("ana", manager: "boss", line: 3)], live: [Self.user("boss")], policy: policy)
        let error = try #require(plan.diagnostics.first { $0.code == "manager-missing" })
        #expect(error.message.contains("this plan deletes them"))
        #expect(error.location?.line == 3)
    }

    @Test func aProviderWithoutManagersGetsNoneAndNoErrors() throws {
        let plan = Self.plan([Self.user("ana", manager: "ghost")], caps: Fixture.caps)
        #expect(!plan.hasErrors)
        #expect(try Self.step(plan, #"create:corp.user["ana"]"#).user?.attributes[Attribute.manager] == nil)
    }

    @Test func twoPeopleWhoManageEachOtherAreCreatedThenOneIsGivenItsManager() throws {
        let plan = Self.plan([Self.user("ana", manager: "bob"), Self.user("bob", manager: "ana")])
        #expect(!plan.hasErrors)
        #expect(
            plan.steps.map(\.id) == [
                #"create:corp.user["ana"]"#, #"create:corp.user["bob"]"#, #"update:corp.user["ana"]"#,
            ])
        let createAna = try Self.step(plan, #"create:corp.user["ana"]"#)
        #expect(createAna.user?.attributes[Attribute.manager] == nil)
        #expect(!createAna.changes.contains { $0.name == Attribute.manager })
        let createBob = try Self.step(plan, #"create:corp.user["bob"]"#)
        #expect(createBob.dependsOn == [#"create:corp.user["ana"]"#])
        let update = try Self.step(plan, #"update:corp.user["ana"]"#)
        #expect(update.changes == [AttributeChange(name: Attribute.manager, before: nil, after: .string("bob"))])
        #expect(update.user?.attributes[Attribute.manager] == .string("bob"))
        #expect(update.user?.externalId == Ownership.marker(for: "ana"))
        #expect(update.dependsOn == [#"create:corp.user["ana"]"#, #"create:corp.user["bob"]"#])
        #expect(update.method == "PATCH")
        #expect(update.reason.contains("ana → bob → ana is a manager cycle"))
        #expect(update.origin == createAna.origin)
    }

    @Test func aLongerCycleIsBrokenOnceAndItsTailWaits() throws {
        let plan = Self.plan([
            Self.user("cy", manager: "di"), Self.user("di", manager: "ed"), Self.user("ed", manager: "cy"),
            Self.user("al", manager: "cy"),
        ])
        #expect(!plan.hasErrors)
        #expect(plan.steps.filter { $0.action == .update }.map(\.id) == [#"update:corp.user["cy"]"#])
        let order = plan.steps.map(\.id)
        let position = { (id: String) in order.firstIndex(of: id)! }
        #expect(position(#"create:corp.user["cy"]"#) < position(#"create:corp.user["ed"]"#))
        #expect(position(#"create:corp.user["ed"]"#) < position(#"create:corp.user["di"]"#))
        #expect(position(#"create:corp.user["di"]"#) < position(#"update:corp.user["cy"]"#))
        #expect(position(#"create:corp.user["cy"]"#) < position(#"create:corp.user["al"]"#))
    }

    @Test func theCycleUpdateUsesTheProvidersWriteMethod() throws {
        var caps = Self.caps
        caps.patchableAttributes = ["active"]
        caps.callCosts = [.update: 2]
        let plan = Self.plan([Self.user("ana", manager: "bob"), Self.user("bob", manager: "ana")], caps: caps)
        let update = try Self.step(plan, #"update:corp.user["ana"]"#)
        #expect(update.method == "GET+PUT")
        #expect(update.estimatedCalls == 2)
    }
}
