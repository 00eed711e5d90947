import Clocks
import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import Testing

@Suite("Genesys Cloud provider")
struct GenesysProviderTests {
    static let seedJSON = """
        {"vendor": {"divisions": ["Home", "Support"], "roles": ["employee", "Agent"],
                    "routingSkills": ["Billing", "Sales"], "routingLanguages": ["English"],
                    "tokenLifetimeSeconds": 600},
         "users": [
           {"userName": "on@acme.example", "displayName": "On", "active": true},
           {"userName": "off@acme.example", "displayName": "Off", "active": false}],
         "groups": [{"displayName": "Support Team"}]}
        """

    static func setUp(clock: any Clock<Duration> = ContinuousClock()) throws -> (SCIMProvider, OAuthVendorEmulator) {
        let emulator = try VendorEmulators.genesys(seed: seed(seedJSON), clock: clock)
        let provider = vendorProvider(
            "genesys", dialect: .genesys, api: emulator.api, pathPrefix: "/api/v2/scim/v2",
            tokens: oauthTokens("genesys", login: emulator.login, clock: clock))
        return (provider, emulator)
    }

    static let ada = User(
        userName: "ada@acme.example",
        attributes: [
            Attribute.displayName: .string("Ada Agent"), Attribute.email: .string("ada.work@acme.example"),
            Attribute.division: .string("Support"), Attribute.roles: .list(["employee", "Agent"]),
            Attribute.skills: .levels(["Billing": 3, "Sales": 1]), Attribute.languages: .levels(["English": 5]),
        ])

    @Test func fetchReadsInactiveUsersTheDefaultListLeavesOut() async throws {
        let (provider, _) = try Self.setUp()
        let users = try await provider.fetch().users.map(\.value)
        #expect(Set(users.map(\.userName)) == ["on@acme.example", "off@acme.example"])
        #expect(users.first { $0.userName == "off@acme.example" }?.active == false)
    }

    @Test func skillsLanguagesDivisionAndRolesRoundTrip() async throws {
        let (provider, _) = try Self.setUp()
        _ = try await provider.fetch()
        try await provider.apply(createStep("genesys", Self.ada))
        let live = try #require(try await provider.fetch().users.first { $0.value.userName == Self.ada.userName })
        for (name, value) in Self.ada.attributes {
            #expect(live.value.attributes[name]?.normalized == value.normalized, "\(name)")
        }
        #expect(live.value.externalId == "roster:ada@acme.example")
    }

    @Test func skillChangesArePatchedByPathWithTheVersion() async throws {
        let (provider, _) = try Self.setUp()
        _ = try await provider.fetch()
        try await provider.apply(createStep("genesys", Self.ada))
        var changed = Self.ada
        changed.attributes[Attribute.skills] = .levels(["Billing": 5])
        changed.attributes[Attribute.email] = .string("ada@billing.acme.example")
        let changes = [
            AttributeChange(
                name: Attribute.skills, before: Self.ada.attributes[Attribute.skills],
                after: changed.attributes[Attribute.skills]),
            AttributeChange(
                name: Attribute.email, before: Self.ada.attributes[Attribute.email],
                after: changed.attributes[Attribute.email]),
        ]
        try await provider.apply(updateStep("genesys", changed, changes, method: "PATCH"))
        let live = try #require(try await provider.fetch().users.first { $0.value.userName == Self.ada.userName })
        #expect(live.value.attributes[Attribute.skills] == .levels(["Billing": 5]))
        #expect(live.value.attributes[Attribute.email] == .string("ada@billing.acme.example"))
    }

    @Test func anUnknownRoutingSkillIsAClearFailure() async throws {
        let (provider, _) = try Self.setUp()
        _ = try await provider.fetch()
        var user = Self.ada
        user.attributes[Attribute.skills] = .levels(["Knitting": 2])
        let error = await #expect(throws: ProviderError.self) { try await provider.apply(createStep("genesys", user)) }
        #expect(error?.status == 400)
        #expect(error?.message.contains("Knitting") == true)
    }

    @Test func groupsAreReadButCannotBeCreated() async throws {
        let (provider, _) = try Self.setUp()
        let live = try await provider.fetch()
        #expect(live.groups.map(\.value.name) == ["Support Team"])
        #expect(!provider.capabilities.creatableKinds.contains(.group))
    }

    @Test func anExpiredTokenIsExchangedAgain() async throws {
        let clock = TestClock()
        let (provider, emulator) = try Self.setUp(clock: clock)
        _ = try await provider.fetch()
        await clock.advance(by: .seconds(700))
        #expect(try await provider.fetch().users.count == 2)
        #expect(await emulator.login.issuer.grantsIssued == 2)
    }
}
