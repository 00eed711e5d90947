import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport
import Testing

/// A generic SCIM emulator holding `others` users `u0000@acme.example`… besides Ana and Ben, a group Sales with Ana,
/// two of the others and a nested group, and that nested group; every request is logged.
private struct SCIMOrg {
    let emulator: SCIMEmulator
    let log: RequestLog
    let provider: SCIMProvider

    init(others: Int, salesMembers: [String] = ["u0001@acme.example", "u0002@acme.example"]) throws {
        var users = ["ana@acme.example", "ben@acme.example"]
        users += (0..<others).map(SyntheticOrg.userName)
        let userObjects = users.map { name in
            #"{"userName": "\#(name)", "name": {"givenName": "G", "familyName": "Test"}, "title": "Agent"}"#
        }
        let members =
            (["ana@acme.example"] + salesMembers).map { #"{"userName": "\#($0)"}"# } + [#"{"value": "g-leads"}"#]
        let seed = """
            {"users": [\(userObjects.joined(separator: ","))],
             "groups": [{"id": "g-leads", "displayName": "Leads", "members": []},
                        {"displayName": "Sales", "members": [\(members.joined(separator: ","))]}]}
            """
        emulator = try SCIMEmulator(seed: SCIMSeed(json: Data(seed.utf8)))
        log = RequestLog(emulator)
        provider = vendorProvider("corp", dialect: .generic, api: log, pathPrefix: "")
    }

    /// A second provider on the same emulator, with empty caches.
    func freshProvider() -> SCIMProvider { vendorProvider("corp", dialect: .generic, api: log, pathPrefix: "") }
}

@Suite("SCIM provider: targeted reads for saved plans")
struct SCIMTargetedFetchTests {
    @Test func threeTouchedObjectsAmongAThousandCostOneRequestEach() async throws {
        let org = try SCIMOrg(others: 1_000)
        let live = try await org.provider.fetch(only: [
            .user("corp", "ana@acme.example"), .membership("corp", group: "Sales", user: "ben@acme.example"),
        ])
        #expect(live.users.map(\.value.key).sorted() == ["ana@acme.example", "ben@acme.example"])
        #expect(live.groups.map(\.value.members) == [["ana@acme.example", "u0001@acme.example", "u0002@acme.example"]])
        let paths = org.log.all.map(\.description)
        // The size question (ids only), one filter per object, one read by id per member no other read mapped; the
        // nested group is not read as a user.
        #expect(paths.count == 6, "\(paths)")
        #expect(paths.filter { $0.hasPrefix("GET /Users?attributes=id&count=1000&startIndex=1") }.count == 1)
        #expect(paths.contains(#"GET /Users?count=1000&filter=userName eq "ana@acme.example"&startIndex=1"#))
        #expect(paths.contains(#"GET /Users?count=1000&filter=userName eq "ben@acme.example"&startIndex=1"#))
        #expect(paths.contains(#"GET /Groups?count=1000&filter=displayName eq "Sales"&startIndex=1"#))
        #expect(paths.filter { $0.hasPrefix("GET /Users/") }.count == 2)
        #expect(!paths.contains { $0.hasPrefix("GET /Groups/g-leads") || $0.hasPrefix("GET /Users/g-leads") })
        #expect(!paths.contains { $0.hasPrefix("GET /Users?count=") && !$0.contains("filter=") }, "no full list")
    }

    @Test func aGroupReadAloneHasTheFingerprintOfAFullRead() async throws {
        let org = try SCIMOrg(others: 300)
        let full = try await org.provider.fetch()
        let sales = try #require(full.groups.first { $0.value.name == "Sales" })
        let ana = try #require(full.users.first { $0.value.key == "ana@acme.example" })
        let targeted = try await org.freshProvider().fetch(only: [.group("corp", "Sales"), .user("corp", "ana")])
        #expect(targeted.groups.map(\.fingerprint) == [sales.fingerprint], "not falsely stale")
        #expect(targeted.users.isEmpty, "a user who does not exist is absent")
        let user = try await org.freshProvider().fetch(only: [.user("corp", "ana@acme.example")])
        #expect(user.users.map(\.fingerprint) == [ana.fingerprint])
    }

    @Test func aMembershipStepAppliesWithTheIdsTheTargetedReadRecorded() async throws {
        let org = try SCIMOrg(others: 1_000)
        let step = PlanStep(
            address: .membership("corp", group: "Sales", user: "ben@acme.example"), action: .add, method: "PATCH",
            reason: "test")
        _ = try await org.provider.fetch(only: [step.address])
        try await org.provider.apply(step)
        let after = try await org.freshProvider().fetch(only: [.group("corp", "Sales")])
        #expect(after.groups.first?.value.members.contains("ben@acme.example") == true)
        #expect(!org.log.all.contains { $0.path.hasPrefix("/Users?count=") && !$0.path.contains("filter=") })
    }

    @Test func aSmallServiceIsReadWholeWhenThatTakesFewerRequests() async throws {
        let org = try SCIMOrg(others: 3)
        let live = try await org.provider.fetch(only: [
            .user("corp", "ana@acme.example"), .user("corp", "ben@acme.example"), .group("corp", "Sales"),
        ])
        #expect(live.users.count == 2, "only the objects asked for come back")
        #expect(live.groups.map(\.value.name) == ["Sales"])
        let paths = org.log.all.map(\.description)
        #expect(paths.contains("GET /Users?count=1000&startIndex=1"), "\(paths)")
        #expect(!paths.contains { $0.contains("filter=") }, "\(paths)")
        let step = PlanStep(
            address: .membership("corp", group: "Sales", user: "ben@acme.example"), action: .add, method: "PATCH",
            reason: "test")
        try await org.provider.apply(step)
    }

    @Test func manyStrangersInAGroupMakeAFullReadCheaper() async throws {
        let members = (10..<60).map(SyntheticOrg.userName)
        let org = try SCIMOrg(others: 1_000, salesMembers: members)
        let live = try await org.provider.fetch(only: [.group("corp", "Sales")])
        #expect(live.groups.first?.value.members.count == 51)
        let paths = org.log.all.map(\.description)
        #expect(!paths.contains { $0.hasPrefix("GET /Users/") }, "51 reads by id cost more than a 12-request full read")
        #expect(paths.contains("GET /Users?count=1000&startIndex=1"), "\(paths)")
    }

    @Test func aProviderWithoutGroupsReadsNoGroups() async throws {
        let org = try SCIMOrg(others: 5)
        let provider = vendorProvider("corp", dialect: .talkdesk, api: org.log, pathPrefix: "")
        let live = try await provider.fetch(only: [.membership("corp", group: "Sales", user: "ana@acme.example")])
        #expect(live.users.map(\.value.key) == ["ana@acme.example"])
        #expect(live.groups.isEmpty)
        #expect(
            org.log.all.map(\.description) == [
                #"GET /Users?count=100&filter=userName eq "ana@acme.example"&startIndex=1"#
            ])
    }

    @Test func nothingToReadSendsNothing() async throws {
        let org = try SCIMOrg(others: 5)
        #expect(try await org.provider.fetch(only: []) == LiveResources())
        #expect(org.log.all.isEmpty)
    }
}

@Suite("Targeted read cost")
struct TargetedReadCostTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var otherLists: Int
        var size: (total: Int, perPage: Int)?
        var requests: Int
        var expected: TargetedReadCost.Choice
        var testDescription: String { "\(requests) reads, \(otherLists) other lists, size \(String(describing: size))" }
    }

    static let cases: [Case] = [
        // Without the size: a read as cheap as the cheapest full read needs no question.
        Case(otherLists: 1, size: nil, requests: 2, expected: .targeted),
        Case(otherLists: 1, size: nil, requests: 3, expected: .askSize),
        Case(otherLists: 0, size: nil, requests: 1, expected: .targeted),
        Case(otherLists: 0, size: nil, requests: 2, expected: .askSize),
        // 1,002 users at 100 a page (the service clamps 1,000 to 100) and a group list: 12 requests.
        Case(otherLists: 1, size: (1_002, 100), requests: 12, expected: .targeted),
        Case(otherLists: 1, size: (1_002, 100), requests: 13, expected: .full),
        // Everything on one page.
        Case(otherLists: 1, size: (5, 5), requests: 3, expected: .full),
        Case(otherLists: 2, size: (0, 0), requests: 3, expected: .targeted),
    ]

    @Test(arguments: cases)
    func choice(_ c: Case) {
        var cost = TargetedReadCost(otherLists: c.otherLists)
        if let size = c.size { cost.learn(totalUsers: size.total, perPage: size.perPage) }
        #expect(cost.choice(forRequests: c.requests) == c.expected)
    }

    @Test func objectKeysNameTheObjectsOfEveryKindOfAddress() {
        let keys = ObjectKeys([
            .membership("p", group: "Sales", user: "Ana@X"), .userSkill("p", user: "ben@x", skill: "Billing"),
            .skill("p", "Chat"), .group("p", "Night"), .user("p", "cy@x"),
        ])
        #expect(keys.users == ["ana@x", "ben@x", "cy@x"])
        #expect(keys.groups == ["Sales", "Night"])
        #expect(keys.skills == ["Billing", "Chat"])
    }
}
