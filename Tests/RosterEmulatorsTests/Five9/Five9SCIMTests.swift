import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Five9 SCIM: Users and Groups over the same domain")
struct Five9SCIMTests {
    static let ssoSeed = five9Seed.replacingOccurrences(of: #"{"vendor": {"#, with: #"{"vendor": {"ssoReady": true, "#)

    private func clients(seed: String = ssoSeed) throws -> (Five9TestClient, VendorTestClient) {
        let soap = try Five9TestClient(seed: seed)
        return (soap, VendorTestClient(soap.emulator.scim, prefix: "/scim/v2", token: "five9-scim-token"))
    }

    static let newUser = #"""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jdoe@example.com",
         "name": {"givenName": "Jane", "familyName": "Doe"}, "externalId": "okta-1",
         "emails": [{"value": "jdoe@example.com", "type": "work", "primary": true}], "active": true}
        """#

    @Test func aBearerTokenIsRequired() async throws {
        let (_, scim) = try clients()
        #expect(await scim.with(token: nil).get("/Users").status == 401)
        let wrong = await scim.with(token: "nope").get("/Users")
        #expect(wrong.status == 401)
        #expect(wrong.headers[.wwwAuthenticate] == "Bearer realm=\"scim\"")
        #expect(await scim.get("/Users").status == 200)
        var outside = scim
        outside.prefix = "/scim/v1"
        #expect(await outside.get("/Users").status == 404)
    }

    @Test func creatingUsersNeedsSAMLSSO() async throws {
        let (soap, scim) = try clients(seed: five9Seed)
        let refused = await scim.post("/Users", Self.newUser)
        #expect(refused.status == 403)
        #expect(refused["detail"]?.stringValue?.contains("SAML SSO") == true)
        #expect(await soap.emulator.user("jdoe@example.com") == nil)
        #expect(await scim.get("/Users").totalResults == 3)
        await soap.emulator.setSSOReady(true)
        #expect(await scim.post("/Users", Self.newUser).status == 201)
    }

    @Test func aUserCreatedThroughSCIMIsSeenBySOAP() async throws {
        let (soap, scim) = try clients()
        let created = await scim.post("/Users", Self.newUser)
        #expect(created.status == 201)
        #expect(created["displayName"] == "Jane Doe")
        #expect(created["roles"] == [["value": "Agent"]])
        #expect(created.headers[.location] == "http://vendor.test/scim/v2/Users/\(created.id)")
        let info = await soap.usersInfo("jdoe@example\\.com")
        let general = try #require(info.returns.first?.child("generalInfo"))
        #expect(general["id"] == created.id)
        #expect(general["federationId"] == "jdoe@example.com")
        #expect(general["EMail"] == "jdoe@example.com")
        #expect(info.returns.first?.child("roles")?.children.map(\.name) == ["agent"])
        #expect(await scim.post("/Users", Self.newUser).status == 409)
    }

    @Test func aUserChangedThroughSOAPIsSeenBySCIM() async throws {
        let (soap, scim) = try clients()
        _ = await soap.call(
            "modifyUser",
            "<userGeneralInfo><active>false</active><userName>ana@acme.example</userName></userGeneralInfo>")
        let found = await scim.get("/Users?filter=userName%20eq%20%22ana@acme.example%22")
        #expect(found.totalResults == 1)
        let ana = try #require(found.resources.first)
        #expect(ana["active"] == false)
        #expect(ana["groups"]?.arrayValue?.first?.objectValue?["display"] == "Tier1")
        #expect(ana["emails"] == [["value": "ana@acme.example", "type": "work", "primary": true]])
    }

    @Test func listsPageWithStartIndexAndCount() async throws {
        let (_, scim) = try clients()
        let page = await scim.get("/Users?startIndex=2&count=1")
        #expect(page.totalResults == 3)
        #expect(page["startIndex"] == 2)
        #expect(page.names == ["sam@acme.example"])
        #expect(await scim.get("/Users?startIndex=9").resources.isEmpty)
        #expect(await scim.get("/Users?filter=active%20eq%20true&count=2").names.count == 2)
        #expect(await scim.get("/Users?filter=userName%20eq%20%22nobody%22").totalResults == 0)
    }

    @Test func putPatchAndDeleteChangeTheDomain() async throws {
        let (soap, scim) = try clients()
        let id = try #require(await soap.emulator.user("sam@acme.example")).id
        let patched = await scim.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op": "replace", "path": "active", "value": false}"#))
        #expect(patched.status == 200)
        #expect(await soap.emulator.user("sam@acme.example")?.active == false)
        let put = await scim.put(
            "/Users/\(id)", #"{"userName": "sam@acme.example", "name": {"givenName": "Samuel"}, "locale": "fr-CA"}"#)
        #expect(put["displayName"] == "Samuel")
        let general = await soap.userInfo("sam@acme.example").returns.first?.child("generalInfo")
        #expect(general?["firstName"] == "Samuel")
        #expect(general?["lastName"] == nil)
        #expect(general?["active"] == "true")
        #expect(await scim.put("/Users/\(id)", #"{"userName": "other"}"#).scimType == "mutability")
        #expect(await scim.put("/Users/\(id)", #"{"userName": "sam@acme.example", "locale": "xx"}"#).status == 400)
        #expect(await scim.delete("/Users/\(id)").status == 204)
        #expect(await soap.userInfo("sam@acme.example").fault == "UserNotFoundFault")
        #expect(await scim.get("/Users/\(id)").status == 404)
    }

    @Test func groupsAreTheAgentGroups() async throws {
        let (soap, scim) = try clients()
        let groups = await scim.get("/Groups")
        #expect(groups.names == ["Tier1"])
        let group = try #require(groups.resources.first)
        let ana = try #require(await soap.emulator.user("ana@acme.example")).id
        #expect(
            group["members"] == [
                [
                    "value": .string(String(ana)), "display": "ana@acme.example",
                    "$ref": .string("http://vendor.test/scim/v2/Users/\(ana)"),
                ]
            ])
        #expect(await scim.get("/Groups?filter=displayName%20eq%20%22Tier1%22").totalResults == 1)
        let id = group["id"]?.stringValue ?? ""
        #expect(await scim.get("/Groups/\(id)")["displayName"] == "Tier1")
    }

    @Test func groupMembersAreAddedAndRemovedWithPatch() async throws {
        let (soap, scim) = try clients()
        let groupID = try #require(await soap.emulator.agentGroups().first).id
        let sam = try #require(await soap.emulator.user("sam@acme.example")).id
        let ana = try #require(await soap.emulator.user("ana@acme.example")).id
        let add = await scim.patch(
            "/Groups/\(groupID)",
            SCIMTestClient.patchBody(#"{"op": "add", "path": "members", "value": [{"value": "\#(sam)"}]}"#))
        #expect(add.status == 204)
        #expect(await soap.emulator.agentGroups().first?.agents == ["ana@acme.example", "sam@acme.example"])
        let remove = await scim.patch(
            "/Groups/\(groupID)",
            SCIMTestClient.patchBody(#"{"op": "remove", "path": "members[value eq \"\#(ana)\"]"}"#))
        #expect(remove.status == 204)
        let info = await soap.call("getAgentGroup", "<groupName>Tier1</groupName>")
        #expect(info.returns.first?.strings("agents") == ["sam@acme.example"])
        let rita = try #require(await soap.emulator.user("rita@acme.example")).id
        let noRole = await scim.patch(
            "/Groups/\(groupID)",
            SCIMTestClient.patchBody(#"{"op": "add", "path": "members", "value": [{"value": "\#(rita)"}]}"#))
        #expect(noRole.status == 400)
        #expect(noRole["detail"]?.stringValue?.contains("no required role") == true)
        let unknown = await scim.patch(
            "/Groups/\(groupID)",
            SCIMTestClient.patchBody(#"{"op": "add", "path": "members", "value": [{"value": "42"}]}"#))
        #expect(unknown.status == 400)
    }

    @Test func groupsCanBeCreatedRenamedAndDeleted() async throws {
        let (soap, scim) = try clients()
        let sam = try #require(await soap.emulator.user("sam@acme.example")).id
        let created = await scim.post("/Groups", #"{"displayName": "Tier2", "members": [{"value": "\#(sam)"}]}"#)
        #expect(created.status == 201)
        let renamed = await scim.patch(
            "/Groups/\(created.id)",
            SCIMTestClient.patchBody(#"{"op": "replace", "path": "displayName", "value": "Tier Two"}"#))
        #expect(renamed.status == 204)
        #expect(await soap.emulator.user("sam@acme.example")?.agentGroups == ["Tier Two"])
        let put = await scim.put("/Groups/\(created.id)", #"{"displayName": "Tier Two", "members": []}"#)
        #expect(put.status == 200)
        #expect(put["members"] == nil)
        #expect(await scim.delete("/Groups/\(created.id)").status == 204)
        #expect(await soap.emulator.agentGroups().map(\.name) == ["Tier1"])
    }
}
