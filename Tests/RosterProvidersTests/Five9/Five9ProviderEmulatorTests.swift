import Clocks
import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import Synchronization
import Testing

@Suite("Five9 provider against the Five9 emulator")
struct Five9ProviderEmulatorTests {
    @Test func fetchReadsUsersRolesSkillLevelsSkillsAndGroups() async throws {
        let harness = try Five9Harness()
        let live = try await harness.provider.fetch()
        #expect(
            live.users.map(\.value.key).sorted() == [
                "ana@acme.example", "old.timer@acme.example", "sam@acme.example", "temp@acme.example",
            ])
        let ana = try #require(live.users.first { $0.value.key == "ana@acme.example" }?.value)
        #expect(ana.roles == ["agent"])
        #expect(ana.skills == ["Sales": 1])
        #expect(ana.attributes[Attribute.familyName] == .string("Lopez"))
        #expect(ana.attributes[Attribute.locale] == .string("en-US"))
        #expect(live.users.first { $0.id == "Old.Timer@acme.example" }?.value.active == false)
        #expect(live.users.first { $0.id == "sam@acme.example" }?.value.roles == ["reporting", "supervisor"])
        #expect(live.skills.map(\.value.name).sorted() == ["Billing", "Legacy", "Sales"])
        #expect(live.groups.first { $0.value.name == "Tier1" }?.value.members == ["ana@acme.example"])
    }

    /// A plan reads without keeping each user's `userInfo`; what it reads is what a full read reads.
    @Test func aReadForPlanningReadsWhatAFullReadReads() async throws {
        let harness = try Five9Harness()
        let planning = try await harness.provider.fetchForPlanning()
        #expect(!planning.users.isEmpty)
        #expect(try await harness.provider.fetch() == planning)
    }

    @Test func everyStepKindApplies() async throws {
        let harness = try Five9Harness()
        let provider = harness.provider
        _ = try await provider.fetch()
        let steps = Self.everyKind
        for step in steps { try await provider.apply(step) }

        let emulator = harness.emulator
        let bo = try #require(await emulator.user("bo@acme.example"))
        #expect(bo.general.value(of: "osLogin") == "roster:bo@acme.example")
        let live = try await provider.fetch()
        let users = Dictionary(uniqueKeysWithValues: live.users.map { ($0.value.key, $0.value) })
        #expect(users["bo@acme.example"]?.roles == ["agent"])
        #expect(users["bo@acme.example"]?.externalId == "roster:bo@acme.example")
        #expect(users["bo@acme.example"]?.skills == ["Spanish": 3])
        #expect(users["ana@acme.example"]?.attributes[Attribute.familyName] == .string("Lopez-Diaz"))
        #expect(users["ana@acme.example"]?.roles == ["agent", "supervisor"])
        #expect(users["ana@acme.example"]?.skills == ["Billing": 2])
        #expect(users["sam@acme.example"]?.active == false)
        #expect(users["old.timer@acme.example"]?.active == true)
        #expect(users["temp@acme.example"] == nil)
        #expect(live.skills.map(\.value.name).sorted() == ["Billing", "Sales", "Spanish"])
        #expect(live.groups.map(\.value.name).sorted() == ["Night", "Tier2"])
        #expect(live.groups.first { $0.value.name == "Tier2" }?.value.members == ["bo@acme.example"])
        #expect(live.groups.first { $0.value.name == "Tier2" }?.value.externalId == "roster:tier2")
        // Every step now reads as applied (but the add that a later modify superseded), from one query each.
        for step in steps where step.id != "add:five9.user_skill[\"ana@acme.example\",\"Billing\"]" {
            #expect(try await provider.isApplied(step), "\(step.id)")
        }
        #expect(await emulator.stats.faultsByName.isEmpty)
    }

    /// One step of every kind and action, in an order the planner's rules allow.
    static let everyKind: [PlanStep] = [
        PlanStep(address: .skill("five9", "Spanish"), action: .create, reason: "t"),
        PlanStep(
            address: .userSkill("five9", user: "temp@acme.example", skill: "Billing"), action: .remove, reason: "t",
            level: 5),
        PlanStep(
            address: .membership("five9", group: "Night", user: "temp@acme.example"), action: .remove, reason: "t"),
        PlanStep(address: .membership("five9", group: "Tier1", user: "ana@acme.example"), action: .remove, reason: "t"),
        PlanStep(address: .group("five9", "Tier1"), action: .delete, reason: "t"),
        PlanStep(address: .skill("five9", "Legacy"), action: .delete, reason: "t"),
        userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example")),
        userStep(
            "ana@acme.example", .update,
            changes: [
                AttributeChange(name: Attribute.familyName, before: .string("Lopez"), after: .string("Lopez-Diaz")),
                AttributeChange(
                    name: Attribute.roles, before: .list(["agent"]), after: .list(["agent", "supervisor"])),
            ]),
        userStep(
            "sam@acme.example", .deactivate,
            changes: [AttributeChange(name: "active", before: .bool(true), after: .bool(false))]),
        userStep(
            "old.timer@acme.example", .reactivate,
            changes: [AttributeChange(name: "active", before: .bool(false), after: .bool(true))]),
        userStep("temp@acme.example", .delete),
        PlanStep(
            address: .group("five9", "Tier2"), action: .create, reason: "t",
            group: Group(name: "Tier2", externalId: Ownership.marker(for: "Tier2"))),
        PlanStep(address: .membership("five9", group: "Tier2", user: "bo@acme.example"), action: .add, reason: "t"),
        PlanStep(
            address: .userSkill("five9", user: "bo@acme.example", skill: "Spanish"), action: .add, reason: "t", level: 3
        ),
        PlanStep(
            address: .userSkill("five9", user: "ana@acme.example", skill: "Billing"), action: .add, reason: "t",
            level: 4),
        PlanStep(
            address: .userSkill("five9", user: "ana@acme.example", skill: "Billing"), action: .modify, reason: "t",
            level: 2),
        PlanStep(
            address: .userSkill("five9", user: "ana@acme.example", skill: "Sales"), action: .remove, reason: "t",
            level: 1),
    ]

    @Test(arguments: [
        "/createUser", "/userSkill", "/createAgentGroup", "/modifyAgentGroup", "/modifyUser", "/createSkill",
    ])
    func aLostAnswerIsLookedUpAndNotSentTwice(_ operation: String) async throws {
        let harness = try Five9Harness()
        _ = try await harness.provider.fetch()
        await harness.emulator.inject(.dropResponse(times: 1, method: .post, pathPrefix: operation))
        let steps: [String: PlanStep] = [
            "/createUser": userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example")),
            "/userSkill": PlanStep(
                address: .userSkill("five9", user: "ana@acme.example", skill: "Billing"), action: .add, reason: "t",
                level: 2),
            "/createAgentGroup": PlanStep(
                address: .group("five9", "Tier2"), action: .create, reason: "t",
                group: Group(name: "Tier2", externalId: Ownership.marker(for: "Tier2"))),
            "/modifyAgentGroup": PlanStep(
                address: .membership("five9", group: "Tier1", user: "sam@acme.example"), action: .add, reason: "t"),
            "/modifyUser": userStep(
                "ana@acme.example", .update,
                changes: [
                    AttributeChange(name: Attribute.roles, before: .list(["agent"]), after: .list(["admin", "agent"]))
                ]),
            "/createSkill": PlanStep(address: .skill("five9", "Spanish"), action: .create, reason: "t"),
        ]
        let step = try #require(steps[operation])
        try await harness.provider.apply(step)
        let stats = await harness.emulator.stats
        #expect(stats.droppedResponses == 1)
        let writes = stats.requestsByOperation.filter { !$0.key.hasPrefix("get") }
        #expect(writes.values.reduce(0, +) == 1, "\(writes)")
        #expect(stats.faultsByName.isEmpty)
        #expect(try await harness.provider.isApplied(step))
    }

    @Test func namesWithMarkupAndRegexCharactersRoundTrip() async throws {
        let harness = try Five9Harness()
        let provider = harness.provider
        _ = try await provider.fetch()
        let name = "R&D <Tier 2> (ü).*"
        let steps = [
            PlanStep(address: .skill("five9", name), action: .create, reason: "t"),
            PlanStep(
                address: .userSkill("five9", user: "ana@acme.example", skill: name), action: .add, reason: "t", level: 2
            ),
            PlanStep(
                address: .group("five9", name), action: .create, reason: "t",
                group: Group(name: name, externalId: Ownership.marker(for: name))),
            PlanStep(address: .membership("five9", group: name, user: "ana@acme.example"), action: .add, reason: "t"),
        ]
        for step in steps { try await provider.apply(step) }
        for step in steps { #expect(try await provider.isApplied(step), "\(step.id)") }
        #expect(await harness.emulator.skills().map(\.name).contains(name))
        #expect(await harness.emulator.user("ana@acme.example")?.skills[name] == 2)
        let live = try await provider.fetch()
        #expect(live.groups.first { $0.value.name == name }?.value.members == ["ana@acme.example"])
        #expect(live.groups.first { $0.value.name == name }?.value.externalId == Ownership.marker(for: name))
    }

    @Test func aGeneratedInitialPasswordPassesTheDomainPolicy() async throws {
        let strict = Five9Harness.seed.replacingOccurrences(
            of: "{\"vendor\": {",
            with: "{\"vendor\": {\"passwordPolicy\": {\"minPasswordLength\": 16, \"minCapitalCharacters\": 2, "
                + "\"minNumberCharacters\": 2, \"minSpecialCharacters\": 1},")
        let harness = try Five9Harness(seed: strict, initialPassword: nil)
        _ = try await harness.provider.fetch()
        try await harness.provider.apply(userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example")))
        let stats = await harness.emulator.stats
        #expect(stats.passwordsSet == 1)
        #expect(stats.faultsByName.isEmpty)
        #expect(await harness.emulator.user("bo@acme.example") != nil)
    }

    @Test func aCreateThatExistsWithoutTheMarkerIsNotAdopted() async throws {
        let harness = try Five9Harness()
        _ = try await harness.provider.fetch()
        let error = await #expect(throws: ProviderError.self) {
            try await harness.provider.apply(
                userStep("sam@acme.example", .create, user: desiredUser("sam@acme.example")))
        }
        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("UserAlreadyExistsFault") == true)
        #expect(error?.message.contains("roster did not create it") == true)
    }

    @Test func aUserIsNeverLeftWithoutARole() async throws {
        let harness = try Five9Harness()
        _ = try await harness.provider.fetch()
        let strip = userStep(
            "ana@acme.example", .update,
            changes: [AttributeChange(name: Attribute.roles, before: .list(["agent"]), after: .list([]))])
        let error = await #expect(throws: ProviderError.self) { try await harness.provider.apply(strip) }
        #expect(error?.message.contains("at least one role") == true)
        let roleless = userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example", roles: []))
        await #expect(throws: ProviderError.self) { try await harness.provider.apply(roleless) }
        #expect(await harness.emulator.stats.requestsByOperation["modifyUser"] == nil)
        #expect(await harness.emulator.stats.requestsByOperation["createUser"] == nil)
    }

    @Test func aTargetedReadMatchesTheFetchedObjects() async throws {
        let harness = try Five9Harness()
        let live = try await harness.provider.fetch()
        let ana = try #require(live.users.first { $0.value.key == "ana@acme.example" })
        let tier1 = try #require(live.groups.first { $0.value.name == "Tier1" })
        let sales = try #require(live.skills.first { $0.value.name == "Sales" })
        let addresses: Set<ResourceAddress> = [
            .user("five9", "ana@acme.example"), .group("five9", "Tier1"), .skill("five9", "Sales"),
            .membership("five9", group: "Tier1", user: "ana@acme.example"),
            .userSkill("five9", user: "ana@acme.example", skill: "Sales"), .user("five9", "nobody@acme.example"),
        ]
        let fresh = try await Five9Harness().provider.fetch(only: addresses)
        #expect(fresh.users.map(\.fingerprint) == [ana.fingerprint], "nobody is absent")
        #expect(fresh.groups.map(\.fingerprint) == [tier1.fingerprint])
        #expect(fresh.skills.map(\.fingerprint) == [sales.fingerprint])
    }

    @Test func agentGroupMembersNeedAnAgentOrSupervisorRole() async throws {
        let harness = try Five9Harness(
            seed:
                #"{"vendor": {"users": [{"userName": "rita@acme.example", "roles": ["reporting"]}], "agentGroups": [{"name": "Tier1"}]}}"#
        )
        _ = try await harness.provider.fetch()
        let step = PlanStep(
            address: .membership("five9", group: "Tier1", user: "rita@acme.example"), action: .add, reason: "t")
        let error = await #expect(throws: ProviderError.self) { try await harness.provider.apply(step) }
        #expect(error?.message.contains("UserHasNoRequiredRoleFault") == true)
        #expect(error?.message.contains("agent-group members need the agent or supervisor role") == true)
    }
}

@Suite("Five9 provider under concurrent steps")
struct Five9ConcurrentMembershipTests {
    /// The executor runs several steps at once when a manifest raises the pace's concurrency; agent-group changes
    /// must not lose each other's members.
    @Test func concurrentMembershipAddsAllLand() async throws {
        let people = (0..<12).map { "agent\($0)@acme.example" }
        let users = people.map { #"{"userName": "\#($0)", "firstName": "A", "lastName": "B", "roles": ["agent"]}"# }
        let seed = """
            {"vendor": {"users": [\(users.joined(separator: ","))], "agentGroups": [{"name": "Floor", "agents": []}]}}
            """
        let harness = try Five9Harness(seed: seed)
        _ = try await harness.provider.fetch()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for person in people {
                group.addTask {
                    try await harness.provider.apply(
                        PlanStep(address: .membership("five9", group: "Floor", user: person), action: .add, reason: "t")
                    )
                }
            }
            try await group.waitForAll()
        }
        let floor = await harness.emulator.agentGroups().first { $0.name == "Floor" }
        #expect(Set(floor?.agents ?? []) == Set(people))
    }
}

@Suite("Five9 provider: adoption")
struct Five9AdoptionTests {
    @Test func anAdoptionStepWritesTheMarkerIntoOsLoginAndTheNextReadSeesItOwned() async throws {
        let harness = try Five9Harness()
        let live = try await harness.provider.fetch()
        let ana = try #require(live.users.first { $0.value.key == "ana@acme.example" })
        #expect(ana.value.externalId == nil)
        let step = adoptionStep("five9", ana, method: "modifyUser", calls: 2)
        #expect(step.user?.externalId == "roster:ana@acme.example")
        try await harness.provider.apply(step)
        let stored = try #require(await harness.emulator.user("ana@acme.example"))
        #expect(stored.general.value(of: "osLogin") == "roster:ana@acme.example")
        let again = try await harness.provider.fetch()
        #expect(again.users.first { $0.value.key == "ana@acme.example" }?.value.externalId == "roster:ana@acme.example")
        #expect(try await harness.provider.isApplied(step))
    }
}
