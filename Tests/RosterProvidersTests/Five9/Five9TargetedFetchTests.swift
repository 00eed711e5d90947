import Clocks
import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport
import Testing

/// The harness's domain with every SOAP and SCIM request logged.
private struct LoggedFive9 {
    let emulator: Five9Emulator
    let soapLog: RequestLog
    let scimLog: RequestLog
    let provider: Five9Provider

    init(scim: Bool = false) throws {
        emulator = try VendorEmulators.five9(
            seed: VendorSeed(json: Data(Five9Harness.seed.utf8)), clock: ImmediateClock())
        soapLog = RequestLog(emulator.soap)
        scimLog = RequestLog(emulator.scim)
        provider = Self.provider(emulator, soap: soapLog, scim: scim ? scimLog : nil)
    }

    /// A provider with empty caches on `emulator`.
    static func provider(_ emulator: Five9Emulator, soap: RequestLog, scim: RequestLog?) -> Five9Provider {
        let client = Five9SOAPClient(
            provider: "five9", endpoint: Five9Endpoint(authority: "five9.emulator.invalid"),
            transport: EmulatorTransport(handler: soap), username: Credential(emulator.adminUserName),
            password: Credential(emulator.adminPassword),
            budget: Five9CallBudget(userSkillSpacing: .zero, clock: ImmediateClock()),
            retry: RetryPolicy(baseDelay: .zero), clock: ImmediateClock())
        let scimClient = scim.map { log in
            SCIMClient(
                provider: "five9",
                endpoint: SCIMEndpoint(scheme: "https", authority: "five9.emulator.invalid", pathPrefix: "/scim/v2"),
                transport: BearerTransport(
                    EmulatorTransport(handler: log), tokens: StaticToken(Credential(emulator.scimToken))))
        }
        return Five9Provider(name: "five9", soap: client, scim: scimClient, ssoReady: true)
    }

    /// The SOAP operations sent, with the pattern each carried.
    var queries: [String] {
        soapLog.all.compactMap { entry -> String? in
            guard let range = entry.body.range(of: #"<ser:get\w+"#, options: .regularExpression) else { return nil }
            let operation = String(entry.body[range].dropFirst(5))
            let pattern = entry.body.range(of: #"Pattern>[^<]*<"#, options: .regularExpression).map {
                String(entry.body[$0].dropFirst(8).dropLast())
            }
            return operation + " " + (pattern ?? "")
        }
    }
}

@Suite("Five9 provider: targeted reads for saved plans")
struct Five9TargetedFetchTests {
    @Test func oneQueryPerKindAsksForExactlyTheTouchedNames() async throws {
        let five9 = try LoggedFive9()
        let live = try await five9.provider.fetch(only: [
            .user("five9", "ana@acme.example"), .membership("five9", group: "Tier1", user: "sam@acme.example"),
            .userSkill("five9", user: "ana@acme.example", skill: "Billing"), .skill("five9", "Sales"),
        ])
        #expect(
            five9.queries == [
                #"getUsersInfo (?i)(?:ana@acme\.example|sam@acme\.example)"#, "getAgentGroups Tier1",
                "getSkills (?:Billing|Sales)",
            ])
        #expect(live.users.map(\.value.key).sorted() == ["ana@acme.example", "sam@acme.example"])
        #expect(live.groups.map(\.value.name) == ["Tier1"])
        #expect(live.skills.map(\.value.name).sorted() == ["Billing", "Sales"])
        #expect(live.catalog["roles"]?.isEmpty == false)
    }

    @Test func fingerprintsEqualAFullReadsAndAbsentObjectsAreLeftOut() async throws {
        let five9 = try LoggedFive9()
        let full = try await five9.provider.fetch()
        let fresh = LoggedFive9.provider(five9.emulator, soap: five9.soapLog, scim: nil)
        let live = try await fresh.fetch(only: [
            .user("five9", "old.timer@acme.example"), .group("five9", "Night"), .skill("five9", "Legacy"),
            .user("five9", "nobody@acme.example"), .group("five9", "Nowhere"),
        ])
        let expectedUser = full.users.first { $0.value.key == "old.timer@acme.example" }?.fingerprint
        #expect(live.users.map(\.fingerprint) == [expectedUser].compactMap { $0 }, "Five9 spells it Old.Timer")
        #expect(live.groups.map(\.fingerprint) == full.groups.filter { $0.value.name == "Night" }.map(\.fingerprint))
        #expect(live.skills.map(\.fingerprint) == full.skills.filter { $0.value.name == "Legacy" }.map(\.fingerprint))
    }

    @Test func stepsRunOnWhatTheTargetedReadRecorded() async throws {
        let five9 = try LoggedFive9()
        let step = PlanStep(
            address: .membership("five9", group: "Tier1", user: "sam@acme.example"), action: .add, reason: "t")
        _ = try await five9.provider.fetch(only: [step.address])
        let reads = five9.queries.count
        try await five9.provider.apply(step)
        #expect(five9.queries.count == reads, "no read after the targeted one: \(five9.queries)")
        let tier1 = await five9.emulator.agentGroups().first { $0.name == "Tier1" }
        #expect(tier1?.agents.contains("sam@acme.example") == true)
    }

    @Test func scimLifecycleUsersAreReadByNameOneRequestEach() async throws {
        let five9 = try LoggedFive9(scim: true)
        let full = try await five9.provider.fetch()
        five9.scimLog.clear()
        let fresh = LoggedFive9.provider(five9.emulator, soap: five9.soapLog, scim: five9.scimLog)
        let live = try await fresh.fetch(only: [.user("five9", "ana@acme.example")])
        #expect(
            live.users.map(\.fingerprint) == full.users.filter { $0.value.key == "ana@acme.example" }.map(\.fingerprint)
        )
        #expect(
            five9.scimLog.all.map(\.description) == [
                #"GET /scim/v2/Users?count=100&filter=userName eq "ana@acme.example"&startIndex=1"#
            ])
    }
}

@Suite("Five9 targeted patterns")
struct Five9TargetedPatternsTests {
    @Test func namesAreEscapedAndGroupedWithinAFullReadsCalls() {
        let keys = ObjectKeys([.user("p", "a.b@x"), .user("p", "c+d@x"), .group("p", "Tier (1)")])
        let patterns = Five9TargetedPatterns(keys)
        #expect(patterns.users == [#"(?i)(?:a\.b@x|c\+d@x)"#])
        #expect(patterns.groups == [#"Tier \(1\)"#])
        #expect(patterns.skills.isEmpty)
    }

    @Test func theKindWithTheMostCallsIsReadWholeWhenPatternsWouldTakeMoreCallsThanAFullRead() {
        let users = (0..<250).map { ResourceAddress.user("p", "u\($0)@x") }
        let groups = (0..<150).map { ResourceAddress.group("p", "g\($0)") }
        let patterns = Five9TargetedPatterns(ObjectKeys(users + groups + [.skill("p", "Sales")]))
        #expect(patterns.users == [".*"])
        #expect(patterns.groups == [".*"], "two group patterns and one skill pattern would be four calls")
        #expect(patterns.skills == ["Sales"])
        #expect(patterns.calls <= Five9TargetedPatterns.fullReadCalls)
        let fewer = Five9TargetedPatterns(ObjectKeys(users))
        #expect(fewer.users.count == 3, "250 users in three patterns are no more calls than a full read")
    }
}
