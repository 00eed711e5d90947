import Clocks
import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Cisco Webex emulator")
struct WebexEmulatorTests {
    static let org = "0f3e6a52-9f0b-4d5e-8c1a-2b3c4d5e6f70"
    static let cisco = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
    static let core = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let seed = #"""
        {"options":{"token":"wx"},
         "users":[{"id":"u1","userName":"ana@x.org","userType":"user"}],
         "vendor":{"orgId":"0f3e6a52-9f0b-4d5e-8c1a-2b3c4d5e6f70","requestsPerSecond":50}}
        """#

    static func user(_ userName: String, extra: String = "") -> String {
        #"{"schemas":["\#(core)"],"userName":"\#(userName)","userType":"user"\#(extra)}"#
    }

    static func bulk(_ operations: [String]) -> String {
        let list = operations.joined(separator: ",")
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[\#(list)]}"#
    }

    private func client(clock: TestClock<Duration> = TestClock()) throws -> VendorTestClient {
        let handler = try VendorEmulators.webex(seed: vendorSeed(Self.seed), clock: clock, now: fixedNow)
        return VendorTestClient(handler, prefix: "/identity/scim/\(Self.org)/v2", token: "wx")
    }

    @Test(arguments: [
        ("/identity/scim/0f3e6a52-9f0b-4d5e-8c1a-2b3c4d5e6f70/v2", 200),
        ("/identity/scim/0F3E6A52-9F0B-4D5E-8C1A-2B3C4D5E6F70/v2", 200),
        ("/identity/scim/Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x/v2", 400),
        ("/identity/scim/11111111-2222-4333-8444-555555555555/v2", 404),
        ("/identity/scim/v2", 400),
        ("/people/scim/0f3e6a52-9f0b-4d5e-8c1a-2b3c4d5e6f70/v2", 404),
    ])
    func orgIDMustBeTheOrgsUUID(prefix: String, status: Int) async throws {
        var client = try client()
        client.prefix = prefix
        #expect(await client.get("/Users/u1").status == status)
    }

    @Test func userCarriesTheCiscoExtensionAndDropsUnknownAttributes() async throws {
        let client = try client()
        let body = Self.user(
            "bob@x.org",
            extra:
                #","shoeSize":44,"urn:example:x":{"a":1},"\#(Self.cisco)":{"extensionAttribute1":["tier1"],"bogus":1}"#)
        let created = await client.post("/Users", body)
        #expect(created.status == 201)
        #expect(created["shoeSize"] == nil)
        #expect(created["urn:example:x"] == nil)
        let ext = created[Self.cisco]?.objectValue
        #expect(ext?["extensionAttribute1"] == ["tier1"])
        #expect(ext?["bogus"] == nil)
        #expect(ext?["meta"] == ["organizationId": .string(Self.org)])
    }

    @Test(arguments: [
        (#"{"userName":"b@x.org","userType":"user"}"#, 400),
        (#"{"schemas":["\#(core)"],"userName":"b@x.org"}"#, 400),
        (#"{"schemas":["\#(core)"],"userName":"b@x.org","userType":"robot"}"#, 400),
        (
            #"{"schemas":["\#(core)"],"userName":"b@x.org","userType":"user","emails":[{"value":"c@x.org","type":"work","primary":true}]}"#,
            400
        ),
        (
            #"{"schemas":["\#(core)"],"userName":"b@x.org","userType":"user","emails":[{"value":"B@x.org","type":"work","primary":true}]}"#,
            201
        ),
    ])
    func createNeedsSchemasUserTypeAndMatchingPrimaryEmail(body: String, status: Int) async throws {
        #expect(try await client().post("/Users", body).status == status)
    }

    @Test func patchFollowsTheRFC() async throws {
        let client = try client()
        let body = SCIMTestClient.patchBody(
            #"{"op":"add","path":"phoneNumbers","value":[{"type":"work","value":"+1555"}]}"#,
            #"{"op":"replace","path":"phoneNumbers[type eq \"work\"].value","value":"+1666"}"#,
            #"{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"D"}"#
        )
        let patched = await client.patch("/Users/u1", body)
        #expect(patched.status == 200)
        #expect(patched["phoneNumbers"] == [["type": "work", "value": "+1666"]])
        let noTarget = await client.patch("/Users/u1", SCIMTestClient.patchBody(#"{"op":"remove"}"#))
        #expect(noTarget.status == 400)
    }

    @Test func deleteIsHard() async throws {
        let client = try client()
        #expect(await client.delete("/Users/u1").status == 204)
        #expect(await client.get("/Users/u1").status == 404)
    }

    @Test func groupMembersArePagedAt500() async throws {
        let client = try client()
        var ids: [String] = []
        let operations = (0..<100).map { index in
            #"{"method":"POST","path":"/Users","bulkId":"b\#(index)","data":\#(Self.user("u\(index)@x.org"))}"#
        }
        for batch in 0..<6 {
            let list = operations.map { $0.replacingOccurrences(of: "@x.org", with: "-\(batch)@x.org") }
            let response = await client.post("/Bulk", Self.bulk(list))
            let results = response["Operations"]?.arrayValue?.compactMap(\.objectValue) ?? []
            #expect(results.count == 100)
            ids += results.compactMap { $0["location"]?.stringValue?.split(separator: "/").last.map(String.init) }
        }
        let members = ids.map { #"{"value":"\#($0)"}"# }.joined(separator: ",")
        let group = await client.post("/Groups", #"{"displayName":"Big","members":[\#(members)]}"#)
        #expect(group.status == 201)
        #expect(await client.get("/Groups/\(group.id)")["members"]?.arrayValue?.count == 500)
        let first = await client.get("/Groups/\(group.id)/Members")
        #expect(first.totalResults == 600)
        #expect(first.resources.count == 500)
        let second = await client.get("/Groups/\(group.id)/Members?startIndex=501&count=1000")
        #expect(second.resources.count == 100)
        #expect(await client.get("/Groups/\(group.id)/Members?count=10").resources.count == 10)
        let listed = await client.get("/Groups").resources.first
        #expect(listed?["members"] == nil)
        let withMembers = await client.get("/Groups?includeMembers=true").resources.first
        #expect(withMembers?["members"]?.arrayValue?.count == 500)
        #expect(await client.post("/Groups/\(group.id)/Members", "{}").status == 405)
        #expect(await client.get("/Groups/nope/Members").status == 404)
    }

    @Test(arguments: [
        (Self.bulk(Array(repeating: #"{"method":"DELETE","path":"/Users/x"}"#, count: 101)), 413),
        (#"{"Operations":[{"method":"PUT","path":"/Users/u1","data":{}}]}"#, 400),
        (#"{"failOnErrors":0,"Operations":[{"method":"DELETE","path":"/Users/u1"}]}"#, 400),
        (#"{"failOnErrors":1,"Operations":[{"method":"DELETE","path":"/Users/u1"}]}"#, 200),
    ])
    func bulkLimits(body: String, status: Int) async throws {
        #expect(try await client().post("/Bulk", body).status == status)
    }

    @Test func bulkReportsEachOperation() async throws {
        let client = try client()
        let response = await client.post(
            "/Bulk",
            #"{"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":\#(Self.user("bob@x.org"))},{"method":"POST","path":"/Users","bulkId":"b","data":\#(Self.user("ana@x.org"))},{"method":"DELETE","path":"/Users/u1"}]}"#
        )
        let statuses = response["Operations"]?.arrayValue?.compactMap { $0.objectValue?["status"]?.stringValue }
        #expect(statuses == ["201", "409", "204"])
    }

    @Test func tooManyRequestsGet429WithRetryAfter() async throws {
        let clock = TestClock()
        let client = try client(clock: clock)
        for _ in 0..<50 { _ = await client.get("/Users/u1") }
        let refused = await client.get("/Users/u1")
        #expect(refused.status == 429)
        #expect(refused.headers[.retryAfter] == "1")
        await clock.advance(by: .seconds(1))
        #expect(await client.get("/Users/u1").status == 200)
    }

    static let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    @Test(arguments: [("u1", 201), ("ana@x.org", 400), ("u-gone", 400)])
    func aManagerMustBeTheIdOfAUserInTheOrg(manager: String, status: Int) async throws {
        let client = try client()
        let extra = #","\#(Self.enterprise)":{"manager":{"value":"\#(manager)"}}"#
        let created = await client.post("/Users", Self.user("bob@x.org", extra: extra))
        #expect(created.status == status)
        if status == 400 {
            #expect(created.scimType == "invalidValue")
            #expect(created["detail"]?.stringValue?.contains("manager '\(manager)'") == true)
        }
    }

    @Test func aPatchToAManagerThatDoesNotExistIsRefused() async throws {
        let client = try client()
        let bob = await client.post("/Users", Self.user("bob@x.org"))
        let patch = { (manager: String) in
            #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"\#(Self.enterprise):manager","value":{"value":"\#(manager)"}}]}"#
        }
        #expect(await client.patch("/Users/\(bob.id)", patch("nobody")).status == 400)
        let patched = await client.patch("/Users/\(bob.id)", patch("u1"))
        #expect(patched.status == 200)
        #expect(patched[Self.enterprise]?.objectValue?["manager"]?.objectValue?["value"] == "u1")
    }
}
