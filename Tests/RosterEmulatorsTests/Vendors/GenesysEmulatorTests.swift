import Clocks
import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Genesys Cloud emulator")
struct GenesysEmulatorTests {
    static let urn = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User"
    static let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    static let seed = #"""
        {"users":[{"id":"u1","userName":"ana@x.org","displayName":"Ana","externalId":"hr-1"},
                  {"id":"u2","userName":"old@x.org","displayName":"Old","active":false}],
         "groups":[{"id":"g1","displayName":"Sales"}],
         "vendor":{"clients":{"cid":"s3cret","other":"pw"},"tokenLifetimeSeconds":3600,"requestsPerMinute":5,
                   "divisions":["Home","EMEA"],"roles":["employee","Agent"],
                   "routingSkills":["Billing"],"routingLanguages":["English"]}}
        """#

    static func user(_ userName: String, extra: String = "") -> String {
        #"{"userName":"\#(userName)","displayName":"B"\#(extra)}"#
    }

    private func setUp() async throws -> (OAuthVendorEmulator, TestClock<Duration>, VendorTestClient) {
        let clock = TestClock()
        let emulator = try VendorEmulators.genesys(seed: vendorSeed(Self.seed), clock: clock, now: fixedNow)
        let token = try await Self.token(emulator)
        return (emulator, clock, VendorTestClient(emulator.api, prefix: "/api/v2/scim/v2", token: token))
    }

    static func token(_ emulator: OAuthVendorEmulator, secret: String = "s3cret") async throws -> String {
        let response = await tokenResponse(emulator, secret: secret)
        try #require(response.status == 200)
        return try #require(response["access_token"]?.stringValue)
    }

    static func tokenResponse(
        _ emulator: OAuthVendorEmulator, client: String = "cid", secret: String
    ) async -> TestResponse {
        let login = VendorTestClient(emulator.login, prefix: "", token: nil)
        let headers: HTTPFields = [
            .authorization: basicAuthorization(client, secret), .contentType: "application/x-www-form-urlencoded",
        ]
        return await login.send(.post, "/oauth/token", "grant_type=client_credentials", headers: headers)
    }

    @Test func tokensComeFromClientCredentialsAndExpire() async throws {
        let (emulator, clock, client) = try await setUp()
        #expect(await Self.tokenResponse(emulator, secret: "nope").status == 401)
        let granted = await Self.tokenResponse(emulator, secret: "s3cret")
        #expect(granted["expires_in"] == 3600)
        #expect(await client.get("/users/u1").status == 200)
        #expect(await client.with(token: nil).get("/users/u1").status == 401)
        await clock.advance(by: .seconds(3600))
        #expect(await client.get("/users/u1").status == 401)
        let fresh = try await Self.token(emulator)
        #expect(await client.with(token: fresh).get("/users/u1").status == 200)
    }

    @Test func createAddsOtherEmailOwnExternalIDAndDefaultDivision() async throws {
        let (_, _, client) = try await setUp()
        let body = Self.user(
            "bob@x.org",
            extra: #"""
                ,"externalId":"hr-2","emails":[{"type":"work","value":"bob.w@x.org"},{"type":"other","value":"z@x"}],
                "\#(Self.urn)":{"externalIds":[{"authority":"microsoftteams","value":"t1"},
                                               {"authority":"x-pc:scimv2:v1","value":"forged"}]}
                """#)
        let created = await client.post("/users", body)
        #expect(created.status == 201)
        #expect(
            created["emails"]
                == [
                    ["type": "work", "value": "bob.w@x.org"], ["type": "other", "value": "bob@x.org", "primary": true],
                ])
        let ids = created[Self.urn]?.objectValue?["externalIds"]
        #expect(
            ids == [["authority": "microsoftteams", "value": "t1"], ["authority": "x-pc:scimv2:v1", "value": "hr-2"]])
        #expect(created[Self.enterprise] == ["division": "Home"])
    }

    @Test func ownExternalIDIsImmutable() async throws {
        let (_, _, client) = try await setUp()
        let replaced = await client.put(
            "/users/u1", #"{"userName":"ana@x.org","displayName":"Ana","externalId":"hr-9"}"#)
        #expect(replaced["externalId"] == "hr-9")
        #expect(replaced[Self.urn]?.objectValue?["externalIds"] == [["authority": "x-pc:scimv2:v1", "value": "hr-1"]])
    }

    @Test(arguments: [
        (#","roles":[{"value":"Agent"}]"#, 201),
        (#","roles":[{"value":"Wizard"}]"#, 400),
        (#","\#(Self.enterprise)":{"division":"EMEA"}"#, 201),
        (#","\#(Self.enterprise)":{"division":"Mars"}"#, 400),
        (#","\#(Self.enterprise)":{"manager":{"value":"u1"}}"#, 201),
        (#","\#(Self.enterprise)":{"manager":{"value":"ana@x.org"}}"#, 400),
        (#","\#(Self.urn)":{"routingSkills":[{"name":"Billing","proficiency":3.5}]}"#, 201),
        (#","\#(Self.urn)":{"routingSkills":[{"name":"billing","proficiency":3}]}"#, 400),
        (#","\#(Self.urn)":{"routingSkills":[{"name":"Billing","proficiency":6}]}"#, 400),
        (#","\#(Self.urn)":{"routingLanguages":[{"name":"English","proficiency":5}]}"#, 201),
        (#","\#(Self.urn)":{"routingLanguages":[{"name":"Klingon","proficiency":5}]}"#, 400),
    ])
    func catalogNamesMustExist(extra: String, status: Int) async throws {
        let (_, _, client) = try await setUp()
        let response = await client.post("/users", Self.user("bob@x.org", extra: extra))
        #expect(response.status == status)
        if status == 400 { #expect(response.scimType == "invalidValue") }
    }

    @Test func aPatchToAManagerThatIsNotAUserIdIsRefused() async throws {
        let (_, _, client) = try await setUp()
        let patch = { (manager: String) in
            #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"\#(Self.enterprise):manager","value":{"value":"\#(manager)"}}]}"#
        }
        let refused = await client.patch("/users/u1", patch("old@x.org"))
        #expect(refused.status == 400)
        #expect(refused.scimType == "invalidValue")
        let patched = await client.patch("/users/u1", patch("u2"))
        #expect(patched.status == 200)
        #expect(patched[Self.enterprise]?.objectValue?["manager"]?.objectValue?["value"] == "u2")
    }

    @Test func aManagerWhoIsGoneDoesNotBlockOtherChanges() async throws {
        let (_, _, client) = try await setUp()
        let manager = #"{"op":"replace","path":"\#(Self.enterprise):manager","value":{"value":"u2"}}"#
        let title = #"{"op":"replace","path":"title","value":"Lead"}"#
        let patch = { (operation: String) in
            #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[\#(operation)]}"#
        }
        #expect(await client.patch("/users/u1", patch(manager)).status == 200)
        #expect(await client.delete("/users/u2").status < 300)
        #expect(await client.patch("/users/u1", patch(title)).status == 200)
    }

    @Test func displayNameIsRequired() async throws {
        let (_, _, client) = try await setUp()
        #expect(await client.post("/users", #"{"userName":"bob@x.org"}"#).status == 400)
    }

    @Test func groupsCanOnlyBeReadAndChanged() async throws {
        let (_, _, client) = try await setUp()
        #expect(await client.post("/groups", #"{"displayName":"New"}"#).status == 405)
        #expect(await client.delete("/groups/g1").status == 405)
        let add = await client.patch(
            "/groups/g1", SCIMTestClient.patchBody(#"{"op":"add","path":"members","value":[{"value":"u1"}]}"#))
        #expect(add.status == 200)
        #expect(add["members"]?.arrayValue?.count == 1)
    }

    @Test func unfilteredListHoldsActiveUsersOnly() async throws {
        let (_, _, client) = try await setUp()
        #expect(await client.get("/users").names == ["ana@x.org"])
        #expect(await client.get("/users?filter=active%20eq%20false").names == ["old@x.org"])
        #expect(await client.get("/users?filter=userName%20eq%20old@x.org").names == ["old@x.org"])
    }

    @Test func staleIfMatchIsInvalidVers() async throws {
        let (_, _, client) = try await setUp()
        let patch = SCIMTestClient.patchBody(#"{"op":"replace","path":"title","value":"T"}"#)
        #expect(await client.patch("/users/u1", patch, headers: [.ifMatch: #"W/"1""#]).status == 200)
        let stale = await client.patch("/users/u1", patch, headers: [.ifMatch: #"W/"1""#])
        #expect(stale.status == 400)
        #expect(stale.scimType == "invalidVers")
    }

    @Test func pagesOverTwentyFiveGet429() async throws {
        let (_, _, client) = try await setUp()
        #expect(await client.get("/users?count=25").status == 200)
        let refused = await client.get("/users?count=26")
        #expect(refused.status == 429)
        #expect(refused.headers[.retryAfter] != nil)
    }

    @Test func eachClientHasItsOwnRateLimit() async throws {
        let (emulator, clock, client) = try await setUp()
        for _ in 0..<5 { #expect(await client.get("/users/u1").status == 200) }
        let refused = await client.get("/users/u1")
        #expect(refused.status == 429)
        #expect(refused.headers[.retryAfter] == "60")
        let sameClient = try await Self.token(emulator)
        #expect(await client.with(token: sameClient).get("/users/u1").status == 429)
        let other = try #require(await Self.tokenResponse(emulator, client: "other", secret: "pw")["access_token"])
        #expect(await client.with(token: other.stringValue).get("/users/u1").status == 200)
        await clock.advance(by: .seconds(60))
        #expect(await client.get("/users/u1").status == 200)
    }
}
