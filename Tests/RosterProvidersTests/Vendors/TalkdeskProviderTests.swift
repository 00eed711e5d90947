import Clocks
import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import Testing

@Suite("Talkdesk provider")
struct TalkdeskProviderTests {
    static func setUp(licences: Int) throws -> SCIMProvider {
        let json =
            #"{"vendor": {"licences": \#(licences), "requestsPerSecond": 1000, "roles": ["Agent", "Supervisor"]}}"#
        let emulator = try VendorEmulators.talkdesk(seed: seed(json))
        return vendorProvider(
            "talkdesk", dialect: .talkdesk, api: emulator.api, pathPrefix: "/scim/v2",
            tokens: oauthTokens("talkdesk", login: emulator.login, scope: "scim"))
    }

    /// The emulator enforces Talkdesk's 4 requests in any second on the same test clock the client paces on; the
    /// clock moves in 10 ms steps, so requests arrive when they are released.
    @Test func theDialectsPaceNeverDrawsA429() async throws {
        let clock = TestClock()
        let emulator = try VendorEmulators.talkdesk(seed: seed(#"{"vendor": {"licences": 50}}"#), clock: clock)
        let provider = vendorProvider(
            "talkdesk", dialect: .talkdesk, api: emulator.api, pathPrefix: "/scim/v2",
            tokens: oauthTokens("talkdesk", login: emulator.login, scope: "scim", clock: clock), pacedOn: clock)
        let work = Task {
            _ = try await provider.fetch()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask { try await provider.apply(createStep("talkdesk", Self.agent("agent\(index)"))) }
                }
                try await group.waitForAll()
            }
        }
        for _ in 0..<600 {
            await clock.advance(by: .milliseconds(10))
            for _ in 0..<8 { await Task.yield() }
        }
        try await work.value
        let stats = await emulator.scim.stats
        #expect(stats.tooManyRequestsSent == 0)
        #expect(stats.requests(.post) == 12)
    }

    static func agent(_ name: String, roles: [String] = ["Agent"], teams: [String] = ["Billing"]) -> User {
        User(
            userName: "\(name)@acme.example",
            attributes: [
                Attribute.givenName: .string(name.capitalized), Attribute.familyName: .string("Test"),
                Attribute.roles: .list(roles), Attribute.teams: .list(teams),
            ])
    }

    @Test func rolesAndTeamsRoundTripAsSemicolonStrings() async throws {
        let provider = try Self.setUp(licences: 5)
        _ = try await provider.fetch()
        try await provider.apply(createStep("talkdesk", Self.agent("ana", teams: ["Billing", "Collections"])))
        let live = try #require(try await provider.fetch().users.first)
        #expect(live.value.attributes[Attribute.teams] == .list(["Billing", "Collections"]))
        #expect(live.value.attributes[Attribute.roles] == .list(["Agent"]))
    }

    @Test func aCreateWithoutAFreeLicenceFailsSayingSo() async throws {
        let provider = try Self.setUp(licences: 1)
        _ = try await provider.fetch()
        try await provider.apply(createStep("talkdesk", Self.agent("ana")))
        let error = await #expect(throws: ProviderError.self) {
            try await provider.apply(createStep("talkdesk", Self.agent("ben")))
        }
        #expect(error?.message.contains("created but is inactive") == true)
        #expect(error?.message.contains("licence") == true)
        let ben = try await provider.fetch().users.first { $0.value.userName == "ben@acme.example" }
        #expect(ben?.value.active == false)
    }

    @Test func roleChangesGoThroughAFullPutThatKeepsTheRest() async throws {
        let provider = try Self.setUp(licences: 5)
        _ = try await provider.fetch()
        let ana = Self.agent("ana")
        try await provider.apply(createStep("talkdesk", ana))
        var promoted = ana
        promoted.attributes[Attribute.roles] = .list(["Supervisor"])
        let change = AttributeChange(
            name: Attribute.roles, before: ana.attributes[Attribute.roles], after: .list(["Supervisor"]))
        try await provider.apply(updateStep("talkdesk", promoted, [change], method: "GET+PUT"))
        let live = try #require(try await provider.fetch().users.first)
        #expect(live.value.attributes[Attribute.roles] == .list(["Supervisor"]))
        #expect(live.value.attributes[Attribute.teams] == .list(["Billing"]))
        #expect(live.value.attributes[Attribute.givenName] == .string("Ana"))
    }
}
