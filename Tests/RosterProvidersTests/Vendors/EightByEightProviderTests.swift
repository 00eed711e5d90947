import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import Testing

@Suite("8x8 provider")
struct EightByEightProviderTests {
    static let seedJSON = """
        {"users": [{"userName": "rgreen", "externalId": "roster:rgreen",
                    "name": {"givenName": "Rosa", "familyName": "Green"}, "title": "Bookkeeper",
                    "emails": [{"value": "rosa@acme.example", "type": "work", "primary": true}],
                    "phoneNumbers": [{"value": "+15550100", "type": "mobile"}],
                    "urn:ietf:params:scim:schemas:extension:8x8:1.1:User": {"site": "Denver"}}]}
        """

    static func setUp() throws -> SCIMProvider {
        let emulator = try VendorEmulators.eightByEight(seed: seed(seedJSON))
        return vendorProvider(
            "x8", dialect: .eightByEight, api: emulator,
            pathPrefix: "/udi/customers/\(VendorEmulators.defaultEightByEightCustomerID)/scim/v2")
    }

    @Test func anUpdateIsAFetchMergePutThatKeepsWhatRosterDoesNotManage() async throws {
        let provider = try Self.setUp()
        let before = try #require(try await provider.fetch().users.first)
        #expect(before.value.attributes[Attribute.site] == .string("Denver"))
        var rosa = before.value
        rosa.attributes[Attribute.title] = .string("Accountant")
        let change = AttributeChange(name: Attribute.title, before: .string("Bookkeeper"), after: .string("Accountant"))
        try await provider.apply(updateStep("x8", rosa, [change], method: "GET+PUT"))
        let after = try #require(try await provider.fetch().users.first)
        #expect(after.value.attributes[Attribute.title] == .string("Accountant"))
        #expect(after.value.attributes[Attribute.site] == .string("Denver"))
        #expect(after.value.attributes[Attribute.phone] == .string("+15550100"))
    }

    @Test func deactivationIsAPatchOfActive() async throws {
        let provider = try Self.setUp()
        let rosa = try #require(try await provider.fetch().users.first)
        let step = PlanStep(
            address: .user("x8", "rgreen"), action: .deactivate,
            changes: [AttributeChange(name: "active", before: .bool(true), after: .bool(false))], method: "PATCH",
            reason: "test", liveID: rosa.id)
        try await provider.apply(step)
        #expect(try await provider.fetch().users.first?.value.active == false)
    }

    @Test func siteIsWriteOnceAndDeleteOnlyDeactivates() {
        let capabilities = SCIMDialect.eightByEight.capabilities
        #expect(capabilities.writeOnceAttributes.contains(Attribute.site))
        #expect(capabilities.deprovisionModes == [.deactivate])
        #expect(capabilities.patchableAttributes == ["active"])
        #expect(capabilities.manualFollowUps[.create]?.contains("licence") == true)
    }
}
