import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import Testing

@Suite("Cisco Webex provider")
struct WebexProviderTests {
    static let org = VendorEmulators.defaultWebexOrgID

    static func setUp(_ json: String = "{}", dialect: SCIMDialect = .webex) throws -> (SCIMProvider, WebexSCIMHandler) {
        let emulator = try VendorEmulators.webex(seed: seed(json))
        let provider = vendorProvider(
            "webex", dialect: dialect, api: emulator, pathPrefix: "/identity/scim/\(org)/v2")
        return (provider, emulator)
    }

    static func person(_ index: Int) -> User {
        User(
            userName: "agent\(index)@acme.example",
            attributes: [
                Attribute.givenName: .string("Agent"), Attribute.familyName: .string("No. \(index)"),
                Attribute.email: .string("agent\(index)@acme.example"), Attribute.roles: .list(["id_user_admin"]),
            ])
    }

    @Test func concurrentCreatesAreBatchedThroughBulk() async throws {
        let (provider, emulator) = try Self.setUp()
        _ = try await provider.fetch()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<150 {
                group.addTask { try await provider.apply(createStep("webex", Self.person(index))) }
            }
            try await group.waitForAll()
        }
        let stats = await emulator.scim.stats
        #expect(stats.requests(.post) <= 4, "\(stats.requestsByMethod)")
        let live = try await provider.fetch().users
        #expect(live.count == 150)
        #expect(live.allSatisfy { $0.value.externalId == "roster:\($0.value.key)" })
    }

    @Test func aValueTheServiceDroppedFailsTheStepNamingIt() async throws {
        struct Typo: SCIMVendorAttributes {
            var attributes: Set<String> { WebexAttributes().attributes.union(["nickname"]) }
            var schemas: [String] { [WebexAttributes.schema] }
            func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool {
                guard attribute == "nickname" else { return WebexAttributes().write(attribute, value, to: &object) }
                object["nickNameTypo"] = value.map { _ in .string("Ace") }
                return true
            }
            func read(_ json: JSONValue, into attributes: inout AttributeMap) {
                attributes["nickname"] = json["nickNameTypo"]?.string.map(AttributeValue.string)
            }
            func prepareCreate(_ object: inout [String: JSONValue]) { WebexAttributes().prepareCreate(&object) }
        }
        var dialect = SCIMDialect.webex
        dialect.mapping = SCIMUserMapping(vendor: Typo())
        let (provider, _) = try Self.setUp(dialect: dialect)
        _ = try await provider.fetch()
        var user = Self.person(1)
        user.attributes["nickname"] = .string("Ace")
        let error = await #expect(throws: ProviderError.self) { try await provider.apply(createStep("webex", user)) }
        #expect(error?.message.contains("did not store nickname") == true)
    }

    @Test func groupMembersBeyondOnePageAreAllRead() async throws {
        let users = (0..<620).map { #"{"id": "u\#($0)", "userName": "u\#($0)@acme.example", "userType": "user"}"# }
        let members = (0..<620).map { #"{"value": "u\#($0)"}"# }
        let json = """
            {"users": [\(users.joined(separator: ","))],
             "groups": [{"displayName": "Everyone", "members": [\(members.joined(separator: ","))]}]}
            """
        let (provider, _) = try Self.setUp(json)
        let live = try await provider.fetch()
        #expect(live.groups.first?.value.members.count == 620)
    }

    @Test func deprovisioningDefaultsToDeactivation() {
        #expect(SCIMDialect.webex.capabilities.deprovisionModes.contains(.deactivate))
        #expect(SCIMDialect.webex.capabilities.bulkMaxOperations == 100)
    }
}
