import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport
import Testing

/// One vendor's emulator with a few people (one inactive, one managing another) and, where the vendor has groups,
/// a group with members; `provider()` gives a provider with empty caches on it.
struct VendorTargetedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var provider: @Sendable () -> SCIMProvider

    var testDescription: String { name }

    static let users = """
        "users": [
          {"id": "u-boss", "userName": "boss@acme.example", "displayName": "Boss", "title": "Director",
           "name": {"givenName": "Bo", "familyName": "Ss"},
           "emails": [{"value": "boss@acme.example", "type": "work", "primary": true}]},
          {"userName": "ana@acme.example", "displayName": "Ana", "title": "Agent",
           "name": {"givenName": "Ana", "familyName": "Lopez"},
           "emails": [{"value": "ana@acme.example", "type": "work", "primary": true}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": "u-boss"}}},
          {"userName": "off@acme.example", "displayName": "Off", "active": false,
           "name": {"givenName": "Of", "familyName": "F"},
           "emails": [{"value": "off@acme.example", "type": "work", "primary": true}]}]
        """
    static let groups = """
        "groups": [{"displayName": "Floor",
                    "members": [{"userName": "ana@acme.example"}, {"userName": "off@acme.example"}]}]
        """

    static func all() throws -> [VendorTargetedCase] {
        let genesys = try VendorEmulators.genesys(
            seed: seed(
                #"{"vendor": {"divisions": ["Home"], "roles": ["Agent"]}, \#(users), \#(groups)}"#))
        // Webex wants every user's type.
        let webexUsers = users.replacingOccurrences(of: #"{"userName""#, with: #"{"userType": "user", "userName""#)
            .replacingOccurrences(of: #"{"id": "u-boss""#, with: #"{"userType": "user", "id": "u-boss""#)
        let webex = try VendorEmulators.webex(seed: seed("{\(webexUsers), \(groups)}"))
        let talkdesk = try VendorEmulators.talkdesk(
            seed: seed(#"{"vendor": {"requestsPerSecond": 1000, "roles": ["Agent"]}, \#(users)}"#))
        let eightByEight = try VendorEmulators.eightByEight(seed: seed("{\(users)}"))
        let generic = try SCIMEmulator(seed: SCIMSeed(json: Data("{\(users), \(groups)}".utf8)))
        return [
            VendorTargetedCase(name: "genesys") {
                vendorProvider(
                    "p", dialect: .genesys, api: genesys.api, pathPrefix: "/api/v2/scim/v2",
                    tokens: oauthTokens("p", login: genesys.login))
            },
            VendorTargetedCase(name: "webex") {
                vendorProvider(
                    "p", dialect: .webex, api: webex,
                    pathPrefix: "/identity/scim/\(VendorEmulators.defaultWebexOrgID)/v2")
            },
            VendorTargetedCase(name: "talkdesk") {
                vendorProvider(
                    "p", dialect: .talkdesk, api: talkdesk.api, pathPrefix: "/scim/v2",
                    tokens: oauthTokens("p", login: talkdesk.login, scope: "scim"))
            },
            VendorTargetedCase(name: "8x8") {
                vendorProvider(
                    "p", dialect: .eightByEight, api: eightByEight,
                    pathPrefix: "/udi/customers/\(VendorEmulators.defaultEightByEightCustomerID)/scim/v2")
            },
            VendorTargetedCase(name: "scim") {
                vendorProvider("p", dialect: .generic, api: generic, pathPrefix: "")
            },
        ]
    }
}

@Suite("Targeted reads in every SCIM dialect")
struct VendorTargetedFetchTests {
    /// Each object read alone (one request, no full list) has the fingerprint a full read gives it, so a saved plan
    /// is never falsely stale on any vendor: inactive users (Genesys lists them only when asked), resolved managers,
    /// members paged through `/Groups/{id}/Members` (Webex).
    @Test(arguments: try VendorTargetedCase.all())
    func eachObjectReadAloneMatchesAFullRead(_ vendor: VendorTargetedCase) async throws {
        let full = try await vendor.provider().fetch()
        #expect(full.users.count == 3)
        for user in full.users {
            let alone = try await vendor.provider().fetch(only: [.user("p", user.value.key)])
            #expect(alone.users.map(\.fingerprint) == [user.fingerprint], "\(user.value.key)")
        }
        for group in full.groups {
            let alone = try await vendor.provider().fetch(only: [.group("p", group.value.name)])
            #expect(alone.groups.map(\.fingerprint) == [group.fingerprint], "\(group.value.name)")
        }
    }
}
