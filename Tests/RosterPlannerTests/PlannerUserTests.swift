import RosterModel
import RosterPlanner
import Testing

@Suite("Planner: users")
struct PlannerUserTests {
    @Test func createsMissingUserWithOwnershipMarkerAndOnlySupportedAttributes() throws {
        var ana = Fixture.user("ana", title: "Agent")
        ana.attributes[Attribute.site] = .string("Boston")  // not a capability of this provider
        let plan = Fixture.plan(desired: ProviderResources(users: [ana]), live: Fixture.live([]))
        let step = try #require(plan.steps.first)
        #expect(plan.steps.count == 1)
        #expect(step.action == .create)
        #expect(step.address == .user("corp", "ana"))
        #expect(step.user?.externalId == "roster:ana")
        #expect(step.user?.attributes[Attribute.site] == nil)
        #expect(step.changes.map(\.name) == ["givenName", "title", "userName"])
    }

    @Test func updatesChangedAttributesWithPatch() throws {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("bob", title: "Lead")]),
            live: Fixture.live([Fixture.user("bob", title: "Agent")]))
        let step = try #require(plan.steps.first)
        #expect(step.action == .update)
        #expect(step.method == "PATCH")
        #expect(step.changes == [AttributeChange(name: "title", before: .string("Agent"), after: .string("Lead"))])
        #expect(step.fingerprint != nil && step.liveID == "id-bob")
    }

    @Test func attributesAbsentFromTheManifestAreLeftAlone() {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("bob")]),
            live: Fixture.live([Fixture.user("bob", title: "Set by an admin")]))
        #expect(plan.steps.isEmpty)
    }

    @Test func usesGetPutWhenPatchCannotChangeTheAttribute() throws {
        var caps = Fixture.caps
        caps.patchableAttributes = ["active"]
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("bob", title: "Lead")]),
            live: Fixture.live([Fixture.user("bob", title: "Agent")]), caps: caps)
        let step = try #require(plan.steps.first)
        #expect(step.method == "GET+PUT")
        #expect(step.methodReason?.contains("PATCH can only change active") == true)
        #expect(step.estimatedCalls == 2)
    }

    @Test func writeOnceChangeBecomesAManualStep() throws {
        var caps = Fixture.caps
        caps.writeOnceAttributes = [Attribute.title]
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("bob", title: "Lead")]),
            live: Fixture.live([Fixture.user("bob", title: "Agent")]), caps: caps)
        #expect(plan.steps.map(\.action) == [.manual])
        #expect(plan.steps[0].reason.contains("write-once"))
    }

    @Test func reactivatesInsteadOfCreatingADuplicate() throws {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("cy")]),
            live: Fixture.live([Fixture.user("cy", active: false, owned: true)]))
        #expect(plan.steps.map(\.action) == [.reactivate])
        #expect(
            plan.steps[0].changes.contains(AttributeChange(name: "active", before: .bool(false), after: .bool(true))))
    }

    @Test func deactivatesAPersonMarkedInactive() {
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("dee", active: false)]),
            live: Fixture.live([Fixture.user("dee")]))
        #expect(plan.steps.map(\.action) == [.deactivate])
    }

    @Test(arguments: [
        (PrunePolicy.owned, true, Action?.some(.deactivate), 0),
        (PrunePolicy.owned, false, nil, 1),
        (PrunePolicy.all, false, Action?.some(.deactivate), 0),
        (PrunePolicy.none, true, nil, 1),
    ])
    func prunesAccordingToPolicy(prune: PrunePolicy, owned: Bool, expected: Action?, unmanaged: Int) {
        let plan = Fixture.plan(
            desired: ProviderResources(), live: Fixture.live([Fixture.user("old", owned: owned)]),
            policy: ProviderPolicy(prune: prune))
        #expect(plan.steps.first?.action == expected)
        #expect(plan.providers[0].unmanagedUsers == unmanaged)
    }

    @Test func protectedIdentitiesAreNeverPruned() {
        let plan = Fixture.plan(
            desired: ProviderResources(), live: Fixture.live([Fixture.user("root", owned: true)]),
            policy: ProviderPolicy(prune: .all, protect: ["root"]))
        #expect(plan.steps.isEmpty)
    }

    @Test func deletesWhenPolicySaysSoAndFallsBackToDeactivateWhenTheVendorCannot() {
        let delete = ProviderPolicy(prune: .owned, deprovision: .delete)
        let live = Fixture.live([Fixture.user("old", owned: true)])
        #expect(Fixture.plan(desired: ProviderResources(), live: live, policy: delete).steps.map(\.action) == [.delete])
        var caps = Fixture.caps
        caps.deprovisionModes = [.deactivate]
        #expect(
            Fixture.plan(desired: ProviderResources(), live: live, caps: caps, policy: delete).steps.map(\.action) == [
                .deactivate
            ])
    }

    @Test func duplicateLiveUserNamesAreReportedAndLeftAlone() {
        let live = LiveResources(users: [
            LiveObject(id: "1", value: Fixture.user("Ana")), LiveObject(id: "2", value: Fixture.user("ana")),
        ])
        var ana = Fixture.user("ana", title: "x")
        ana.origin = SourceLocation(file: "people.yaml", line: 7, column: 5)
        let plan = Fixture.plan(desired: ProviderResources(users: [ana]), live: live)
        #expect(plan.steps.isEmpty)
        #expect(plan.diagnostics.map(\.code) == ["live-duplicate"])
        // The error points at the person in the manifests, so the reader knows which entry is affected.
        #expect(plan.diagnostics.first?.location == ana.origin)
        #expect(plan.hasErrors)
    }

    @Test func namesMissingFromThePlatformCatalogAreErrors() {
        var caps = Fixture.caps
        caps.catalogReferences = ["roles": Attribute.roles]
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana", roles: ["Agent", "Wizard"])]),
            live: Fixture.live([], catalog: ["roles": ["Agent", "Supervisor"]]), caps: caps)
        #expect(plan.diagnostics.map(\.message) == ["roles 'Wizard' for 'ana' does not exist on corp"])
    }

    @Test func userNameMustBeAnEmailWhereTheVendorSaysSo() {
        var caps = Fixture.caps
        caps.userNameIsEmail = true
        let plan = Fixture.plan(
            desired: ProviderResources(users: [Fixture.user("ana")]), live: Fixture.live([]), caps: caps)
        #expect(plan.steps.isEmpty)
        #expect(plan.diagnostics.map(\.code) == ["invalid-username"])
    }
}
