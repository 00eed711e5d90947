import Clocks
import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport
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

@Suite("OAuth client-credentials tokens")
struct ClientCredentialsTokenTests {
    @Test func concurrentRefreshesShareOneExchange() async throws {
        let clock = TestClock()
        let emulator = try VendorEmulators.genesys(seed: seed("{}"), clock: clock)
        let tokens = oauthTokens("genesys", login: emulator.login, clock: clock)
        let first = try await tokens.token(refresh: false)
        await clock.advance(by: .seconds(10))
        let refreshed = try await withThrowingTaskGroup(of: Credential.self) { group in
            for _ in 0..<8 { group.addTask { try await tokens.token(refresh: true) } }
            return try await group.reduce(into: Set<Credential>()) { $0.insert($1) }
        }
        #expect(refreshed.count == 1)
        #expect(!refreshed.contains(first))
        #expect(await emulator.login.issuer.grantsIssued == 2)
    }

    @Test func aRefusedClientSaysWhichCredentialsToCheckWithoutTheSecret() async throws {
        let emulator = try VendorEmulators.genesys(seed: seed("{}"))
        let tokens = ClientCredentialsToken(
            provider: "genesys", transport: HandlerTransport(emulator.login),
            tokenURL: URL(string: "https://login.genesys.test/oauth/token")!, clientID: Credential("roster"),
            clientSecret: Credential("wrong-secret-value"))
        let error = await #expect(throws: ProviderError.self) { try await tokens.token(refresh: false) }
        #expect(error?.kind == .unauthorized)
        #expect(error?.message.contains("check the clientId and clientSecret") == true)
        #expect(error?.description.contains("wrong-secret-value") == false)
    }
}
