import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("SCIM create, read, replace, delete")
struct SCIMCRUDTests {
    @Test func createAnswers201WithLocationETagAndMeta() async throws {
        let client = try SCIMTestClient()
        let response = await client.post(
            "/Users",
            #"{"userName":"ana@example.com","name":{"givenName":"Ana"},"password":"s3cret","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":{"value":"m-1"}}}"#
        )
        #expect(response.status == 201)
        #expect(response.id == "00000000-0000-4000-8000-000000000001")
        #expect(response.headers[.location] == "http://scim.test/Users/00000000-0000-4000-8000-000000000001")
        #expect(response.headers[.eTag] == #"W/"1""#)
        #expect(response.headers[.contentType] == "application/scim+json")
        let meta = try #require(response["meta"]?.objectValue)
        #expect(meta["resourceType"] == .string("User"))
        #expect(meta["version"] == .string(#"W/"1""#))
        #expect(meta["created"] == .string("2026-01-01T00:00:00.000Z"))
        #expect(meta["lastModified"] == meta["created"])
        #expect(meta["location"] == .string("http://scim.test/Users/00000000-0000-4000-8000-000000000001"))
        #expect(response["active"] == .bool(true))
        #expect(response["password"] == nil)
        let enterprise = response[SCIMURN.enterpriseUser]?.objectValue
        #expect(enterprise?["department"] == .string("Sales"))
        #expect(enterprise?["manager"]?.objectValue?["value"] == .string("m-1"))
        #expect(
            response["schemas"] == .array([.string(SCIMURN.user), .string(SCIMURN.enterpriseUser)]))
    }

    @Test func idsComeFromACounter() async throws {
        let client = try SCIMTestClient()
        for _ in 1...41 { try await client.createUser("u\(UUID().uuidString)@x") }
        let id = try await client.createUser("answer@x")
        #expect(id == "00000000-0000-4000-8000-00000000002a")
    }

    @Test func getReturnsTheStoredUserAnd404ForUnknownIDs() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@example.com")
        let found = await client.get("/Users/\(id)")
        #expect(found.status == 200)
        #expect(found["userName"] == .string("ana@example.com"))
        #expect(found.headers[.eTag] == #"W/"1""#)
        let missing = await client.get("/Users/nope")
        #expect(missing.status == 404)
        #expect(missing["schemas"] == .array([.string(SCIMURN.error)]))
        #expect(missing["status"] == .string("404"))
    }

    @Test func putReplacesButKeepsIDAndCreated() async throws {
        var now = Date(timeIntervalSince1970: 1_767_225_600)
        let clock = MutableDate(now)
        let emulator = try SCIMEmulator(now: { clock.value })
        let client = SCIMTestClient(emulator)
        let id = try await client.createUser("ana@example.com", extra: #","title":"Agent","externalId":"e1""#)
        now.addTimeInterval(60)
        clock.value = now
        let response = await client.put(
            "/Users/\(id)", #"{"id":"other","userName":"ana@example.com","displayName":"Ana","active":false}"#)
        #expect(response.status == 200)
        #expect(response.id == id)
        #expect(response["title"] == nil)
        #expect(response["externalId"] == nil)
        #expect(response["displayName"] == .string("Ana"))
        let meta = try #require(response["meta"]?.objectValue)
        #expect(meta["created"] == .string("2026-01-01T00:00:00.000Z"))
        #expect(meta["lastModified"] == .string("2026-01-01T00:01:00.000Z"))
        #expect(meta["version"] == .string(#"W/"2""#))
        #expect(response.headers[.eTag] == #"W/"2""#)
    }

    @Test func deleteAnswers204ThenTheUserIsGone() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@example.com")
        let deleted = await client.delete("/Users/\(id)")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(await client.get("/Users/\(id)").status == 404)
        #expect(await client.delete("/Users/\(id)").status == 404)
    }

    @Test func deletingAUserRemovesItFromGroups() async throws {
        let client = try SCIMTestClient()
        let ana = try await client.createUser("ana@x")
        let bob = try await client.createUser("bob@x")
        let group = try await client.createGroup("Sales", members: [ana, bob])
        #expect(await client.get("/Users/\(ana)")["groups"]?.arrayValue?.count == 1)
        _ = await client.delete("/Users/\(ana)")
        let members = await client.get("/Groups/\(group)")["members"]?.arrayValue ?? []
        #expect(members == [.object(["value": .string(bob), "type": .string("User")])])
        let filtered = await client.get(listPath("/Groups", filter: #"members.value eq "\#(ana)""#))
        #expect(filtered.totalResults == 0)
    }

    @Test func usersShowTheirGroups() async throws {
        let client = try SCIMTestClient()
        let ana = try await client.createUser("ana@x")
        let group = try await client.createGroup("Sales", members: [ana])
        let groups = await client.get("/Users/\(ana)")["groups"]?.arrayValue
        #expect(
            groups == [
                .object([
                    "value": .string(group), "display": .string("Sales"), "type": .string("direct"),
                    "$ref": .string("http://scim.test/Groups/\(group)"),
                ])
            ])
    }

    @Test(arguments: [
        ("POST", "/Users", "{", 400, "invalidSyntax"),
        ("POST", "/Users", "[1]", 400, "invalidSyntax"),
        ("POST", "/Users", #"{"name":{"givenName":"A"}}"#, 400, "invalidValue"),
        ("POST", "/Users", #"{"userName":""}"#, 400, "invalidValue"),
        ("POST", "/Users", #"{"userName":"a","active":"maybe"}"#, 400, "invalidValue"),
        ("POST", "/Users", #"{"userName":"a","emails":{"value":"a@x"}}"#, 400, "invalidValue"),
        ("POST", "/Groups", #"{"members":[]}"#, 400, "invalidValue"),
        ("POST", "/Groups", #"{"displayName":"G","members":[{"value":"nobody"}]}"#, 400, "invalidValue"),
        ("POST", "/Groups", #"{"displayName":"G","members":[{"display":"x"}]}"#, 400, "invalidValue"),
        ("GET", "/Nope", "", 404, ""),
        ("GET", "/", "", 404, ""),
        ("GET", "/Users/a/b", "", 404, ""),
        ("DELETE", "/Users", "", 405, ""),
        ("PUT", "/Groups", "", 405, ""),
        ("POST", "/Users/abc", "{}", 405, ""),
        ("PUT", "/ServiceProviderConfig", "{}", 405, ""),
        ("GET", "/Users/.search", "", 405, ""),
        ("GET", "/Bulk", "", 404, ""),
    ])
    func errorStatuses(method: String, path: String, body: String, status: Int, scimType: String) async throws {
        let client = try SCIMTestClient()
        let response = await client.send(HTTPRequest.Method(method)!, path, body.isEmpty ? nil : body)
        #expect(response.status == status)
        #expect((response.scimType ?? "") == scimType)
        #expect(response["status"] == .string(String(status)))
        if status == 405 { #expect(response.headers[.allow] != nil) }
    }

    @Test func userNamesAreUniqueIgnoringCase() async throws {
        let client = try SCIMTestClient()
        let ana = try await client.createUser("Ana@Example.com")
        let clash = await client.post("/Users", #"{"userName":"ana@example.COM"}"#)
        #expect(clash.status == 409)
        #expect(clash.scimType == "uniqueness")
        let bob = try await client.createUser("bob@example.com")
        let renamed = await client.put("/Users/\(bob)", #"{"userName":"ANA@example.com"}"#)
        #expect(renamed.status == 409)
        let same = await client.put("/Users/\(ana)", #"{"userName":"ana@example.com"}"#)
        #expect(same.status == 200)
    }

    @Test func groupDisplayNamesAreUnique() async throws {
        let client = try SCIMTestClient()
        try await client.createGroup("Sales")
        let clash = await client.post("/Groups", #"{"displayName":"sales"}"#)
        #expect(clash.status == 409)
        #expect(clash.scimType == "uniqueness")
    }

    @Test func attributeNamesAreCaseInsensitiveAndStoredCanonically() async throws {
        let client = try SCIMTestClient()
        let response = await client.post(
            "/Users", #"{"USERNAME":"ana@x","Name":{"GivenName":"Ana"},"EXTERNALID":"e1","emails":[{"VALUE":"a@x"}]}"#)
        #expect(response.status == 201)
        #expect(response["userName"] == .string("ana@x"))
        #expect(response["name"] == .object(["givenName": .string("Ana")]))
        #expect(response["externalId"] == .string("e1"))
        #expect(response["emails"] == .array([.object(["value": .string("a@x")])]))
    }

    @Test func routesIgnoreCaseAndMembersGetATypeAndNoDuplicates() async throws {
        let client = try SCIMTestClient()
        let ana = try await client.createUser("ana@x")
        let response = await client.post(
            "/groups", #"{"displayName":"G","members":[{"value":"\#(ana)","display":"Ana"},{"value":"\#(ana)"}]}"#)
        #expect(response.status == 201)
        #expect(
            response["members"]
                == .array([.object(["value": .string(ana), "display": .string("Ana"), "type": .string("User")])]))
    }

    @Test func groupsCanContainGroupsAndDeletingOneUpdatesTheOther() async throws {
        let client = try SCIMTestClient()
        let inner = try await client.createGroup("Inner")
        let outer = try await client.createGroup("Outer", members: [inner])
        #expect(
            await client.get("/Groups/\(outer)")["members"]?.arrayValue?.first?.objectValue?["type"] == .string("Group")
        )
        #expect(await client.delete("/Groups/\(inner)").status == 204)
        let after = await client.get("/Groups/\(outer)")
        #expect(after["members"] == nil)
        #expect(after.headers[.eTag] == #"W/"2""#)
    }

    @Test func unknownAttributesAndExtensionsAreStoredByDefault() async throws {
        let client = try SCIMTestClient()
        let response = await client.post(
            "/Users", #"{"userName":"a","favouriteColour":"blue","urn:example:ext:1.0:User":{"shoe":42}}"#)
        #expect(response["favouriteColour"] == .string("blue"))
        #expect(response["urn:example:ext:1.0:User"] == .object(["shoe": .number(42)]))
        #expect(response["schemas"]?.arrayValue?.contains(.string("urn:example:ext:1.0:User")) == true)
    }
}

/// A settable date shared with an emulator's `now` closure.
final class MutableDate: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Date

    init(_ date: Date) {
        stored = date
    }

    var value: Date {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
