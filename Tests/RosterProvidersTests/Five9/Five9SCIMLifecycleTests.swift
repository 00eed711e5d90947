import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import Testing

@Suite("Five9 provider with the SCIM user lifecycle")
struct Five9SCIMLifecycleTests {
    static func seed(ssoReady: Bool) -> String {
        Five9Harness.seed.replacingOccurrences(of: "{\"vendor\": {", with: "{\"vendor\": {\"ssoReady\": \(ssoReady),")
    }

    @Test func withoutSSOUsersAreNotCreatableAndACreateIsRefusedBeforeAnyCall() async throws {
        let harness = try Five9Harness(seed: Self.seed(ssoReady: false), scim: true, ssoReady: false)
        #expect(!harness.provider.capabilities.creatableKinds.contains(.user))
        #expect(harness.provider.capabilities.creatableKinds == [.group, .skill])
        #expect(harness.provider.capabilities.notCreatableReasons[.user]?.contains("SAML SSO") == true)
        _ = try await harness.provider.fetch()
        let error = await #expect(throws: ProviderError.self) {
            try await harness.provider.apply(userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example")))
        }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("SAML SSO") == true)
        #expect(await harness.emulator.stats.scimRequestsByMethod["POST"] == nil)
        #expect(await harness.emulator.user("bo@acme.example") == nil)
    }

    @Test func soapOnlyProvidersCreateUsersWhateverSSOSays() {
        let caps = Five9Provider.capabilities(scimLifecycle: false, ssoReady: false)
        #expect(caps.creatableKinds == [.user, .group, .skill])
        #expect(caps.userSkillsAreSteps)
        #expect(caps.pace.concurrency == 1)
        #expect(caps.pace.spacing[.userSkill] == 3)
        #expect(caps.adminRoles == ["admin"])
    }

    @Test func usersGoThroughSCIMAndRolesThroughSOAP() async throws {
        let harness = try Five9Harness(seed: Self.seed(ssoReady: true), scim: true, ssoReady: true)
        let provider = harness.provider
        _ = try await provider.fetch()
        try await provider.apply(
            userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example", roles: ["agent", "supervisor"])))
        let stats = await harness.emulator.stats
        #expect(stats.scimRequestsByMethod["POST"] == 1)
        #expect(stats.requestsByOperation["createUser"] == nil)
        var live = try #require(try await harness.liveUser("bo@acme.example"))
        #expect(live.value.externalId == "roster:bo@acme.example")
        #expect(live.value.roles == ["agent", "supervisor"])
        #expect(live.value.attributes[Attribute.familyName] == .string("Berg"))

        try await provider.apply(
            userStep(
                "bo@acme.example", .deactivate,
                changes: [AttributeChange(name: "active", before: .bool(true), after: .bool(false))]))
        #expect(await harness.emulator.stats.scimRequestsByMethod["PATCH"] == 1)
        live = try #require(try await harness.liveUser("bo@acme.example"))
        #expect(live.value.active == false)

        try await provider.apply(userStep("bo@acme.example", .delete))
        #expect(await harness.emulator.stats.scimRequestsByMethod["DELETE"] == 1)
        #expect(await harness.emulator.user("bo@acme.example") == nil)
    }

    @Test func aLostSCIMCreateIsLookedUpByItsMarker() async throws {
        let harness = try Five9Harness(seed: Self.seed(ssoReady: true), scim: true, ssoReady: true)
        _ = try await harness.provider.fetch()
        await harness.emulator.inject(.dropResponse(times: 1, method: .post, pathPrefix: "/scim/v2/Users"))
        let step = userStep("bo@acme.example", .create, user: desiredUser("bo@acme.example"))
        try await harness.provider.apply(step)
        #expect(await harness.emulator.stats.scimRequestsByMethod["POST"] == 1)
        #expect(try await harness.provider.isApplied(step))
    }
}
