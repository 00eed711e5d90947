import Foundation
import Testing

@testable import RosterEmulators

@Suite("8x8 emulator")
struct EightByEightEmulatorTests {
    static let urn = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User"
    static let prefix = "/udi/customers/C42/scim/v2"
    static let seed = #"""
        {"options":{"token":"writer"},
         "users":[{"id":"u1","userName":"ana@x.org","name":{"givenName":"Ana","familyName":"Lopez"},
                   "emails":[{"value":"ana@x.org","type":"work"}],"title":"Agent","locale":"en-US",
                   "urn:ietf:params:scim:schemas:extension:8x8:1.1:User":{"site":"HQ"}}],
         "vendor":{"customerId":"C42","readOnlyTokens":["okta"],"sites":["HQ","Boston"]}}
        """#

    static func user(_ userName: String, email: String? = nil, extra: String = "") -> String {
        let mail = email ?? userName
        return
            #"{"userName":"\#(userName)","name":{"givenName":"B","familyName":"C"},"emails":[{"value":"\#(mail)","type":"work"}]\#(extra)}"#
    }

    private func client() throws -> VendorTestClient {
        let handler = try VendorEmulators.eightByEight(seed: vendorSeed(Self.seed), now: fixedNow)
        return VendorTestClient(handler, prefix: Self.prefix, token: "writer")
    }

    @Test func servesOnlyUnderTheCustomerPrefix() async throws {
        let client = try client()
        let user = await client.get("/Users/u1")
        #expect(user.status == 200)
        #expect(user["meta"]?.objectValue?["location"]?.stringValue == "http://vendor.test\(Self.prefix)/Users/u1")
        var other = client
        other.prefix = "/udi/customers/C43/scim/v2"
        #expect(await other.get("/Users/u1").status == 404)
        other.prefix = "/scim/v2"
        #expect(await other.get("/Users/u1").status == 404)
        #expect(await client.get("/Groups").status == 404)
    }

    @Test func staticBearerTokenIsRequired() async throws {
        let client = try client()
        #expect(await client.with(token: nil).get("/Users").status == 401)
        #expect(await client.with(token: "wrong").get("/Users").status == 401)
    }

    @Test func aSecondClientMayOnlyRead() async throws {
        let reader = try client().with(token: "okta")
        #expect(await reader.get("/Users/u1").status == 200)
        #expect(await reader.post("/Users", Self.user("bob@x.org")).status == 403)
        #expect(await reader.put("/Users/u1", Self.user("ana@x.org")).status == 403)
        #expect(await reader.delete("/Users/u1").status == 403)
    }

    @Test(arguments: [
        (#"{"op":"replace","path":"active","value":false}"#, 200),
        (#"{"op":"replace","value":{"active":false}}"#, 200),
        (#"{"op":"replace","path":"title","value":"Lead"}"#, 400),
        (#"{"op":"replace","path":"name.givenName","value":"X"}"#, 400),
        (#"{"op":"replace","value":{"active":false,"title":"Lead"}}"#, 400),
    ])
    func patchMayChangeOnlyActive(operation: String, status: Int) async throws {
        let client = try client()
        let response = await client.patch("/Users/u1", SCIMTestClient.patchBody(operation))
        #expect(response.status == status)
        if status == 200 { #expect(response["active"] == false) }
    }

    @Test func putIsAFullReplace() async throws {
        let client = try client()
        let body = Self.user("ana@x.org", extra: #","title":"Lead","\#(Self.urn)":{"site":"HQ"}"#)
        let response = await client.put("/Users/u1", body)
        #expect(response.status == 200)
        #expect(response["title"] == "Lead")
        #expect(response["locale"] == nil)
    }

    @Test(arguments: [
        (Self.user("ana2@x.org"), "userName"),
        (Self.user("ana@x.org", extra: #","\#(Self.urn)":{"site":"Boston"}"#), "site"),
    ])
    func writeOnceAttributesCannotChange(body: String, attribute: String) async throws {
        let client = try client()
        let response = await client.put("/Users/u1", body)
        #expect(response.status == 400)
        #expect(response.scimType == "mutability")
        #expect(response["detail"]?.stringValue?.contains(attribute) == true)
        let stored = await client.get("/Users/u1")
        #expect(stored["userName"] == "ana@x.org")
        #expect(stored[Self.urn] == ["site": "HQ"])
    }

    @Test func siteIsKeptWhenLeftOutAndMaySetOnceWhenUnset() async throws {
        let client = try client()
        #expect(await client.put("/Users/u1", Self.user("ana@x.org"))[Self.urn] == ["site": "HQ"])
        let created = await client.post("/Users", Self.user("bob@x.org"))
        #expect(created.status == 201)
        let set = await client.put(
            "/Users/\(created.id)", Self.user("bob@x.org", extra: #","\#(Self.urn)":{"site":"Boston"}"#))
        #expect(set[Self.urn] == ["site": "Boston"])
        let unknown = await client.post("/Users", Self.user("cy@x.org", extra: #","\#(Self.urn)":{"site":"Mars"}"#))
        #expect(unknown.status == 400)
    }

    @Test(arguments: [
        (#"{"userName":"b@x.org","name":{"givenName":"B","familyName":"C"}}"#, 400),
        (
            #"{"userName":"b@x.org","name":{"givenName":"B","familyName":"C"},"emails":[{"value":"b@x.org","type":"work"},{"value":"c@x.org","type":"work"}]}"#,
            400
        ),
        (
            #"{"userName":"b@x.org","name":{"givenName":"B","familyName":"C"},"emails":[{"value":"b@x.org","type":"home"}]}"#,
            400
        ),
        (#"{"userName":"b@x.org","name":{"givenName":"B"},"emails":[{"value":"b@x.org","type":"work"}]}"#, 400),
        (
            #"{"userName":"b@x.org","name":{"givenName":"B","familyName":"C"},"emails":[{"value":"b@x.org","type":"work","primary":false}]}"#,
            201
        ),
    ])
    func createNeedsNamesAndExactlyOneWorkEmail(body: String, status: Int) async throws {
        let response = try await client().post("/Users", body)
        #expect(response.status == status)
        if status == 201 {
            #expect(response["emails"] == [["value": "b@x.org", "type": "work", "primary": true]])
        }
    }

    @Test func deleteOnlyDeactivates() async throws {
        let client = try client()
        #expect(await client.delete("/Users/u1").status == 204)
        let user = await client.get("/Users/u1")
        #expect(user.status == 200)
        #expect(user["active"] == false)
        #expect(await client.get("/Users").totalResults == 1)
    }

    @Test func stateFolderKeepsChangesAcrossRestarts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vendor-8x8-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try VendorEmulators.eightByEight(seed: vendorSeed(Self.seed), stateDirectory: folder, now: fixedNow)
        let client = VendorTestClient(first, prefix: Self.prefix, token: "writer")
        #expect(await client.post("/Users", Self.user("bob@x.org")).status == 201)
        try await first.scim.close()
        let second = try VendorEmulators.eightByEight(
            seed: vendorSeed(Self.seed), stateDirectory: folder, now: fixedNow)
        let reopened = VendorTestClient(second, prefix: Self.prefix, token: "writer")
        #expect(await reopened.get("/Users").names == ["ana@x.org", "bob@x.org"])
        #expect(
            await reopened.put("/Users/u1", Self.user("ana@x.org", extra: #","\#(Self.urn)":{"site":"Boston"}"#)).status
                == 400)
    }

    @Test func seedRejectsUnknownVendorFields() throws {
        #expect(throws: SCIMEmulatorError.self) {
            try VendorEmulators.eightByEight(seed: vendorSeed(#"{"vendor":{"customerID":"x"}}"#))
        }
        #expect(throws: SCIMEmulatorError.self) {
            try VendorEmulators.eightByEight(seed: vendorSeed(#"{"users":[{"userName":"a@x"}]}"#))
        }
    }
}
