import Clocks
import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Talkdesk emulator")
struct TalkdeskEmulatorTests {
    static let urn = "urn:ietf:params:scim:schemas:extension:talkdesk:2.0:User"
    static let seed = #"""
        {"users":[{"id":"u1","userName":"ana@x.org","name":{"givenName":"Ana","familyName":"Lopez"}}],
         "vendor":{"clients":{"cid":"s3cret"},"licences":2,"roles":["Agent","Supervisor"],
                   "teams":["Support","Billing"],"tokenLifetimeSeconds":600}}
        """#

    static func user(_ userName: String, extra: String = "") -> String {
        #"{"userName":"\#(userName)","name":{"givenName":"B","familyName":"C"}\#(extra)}"#
    }

    /// The emulator, its clock, and a client holding a fresh token.
    private func setUp() async throws -> (OAuthVendorEmulator, TestClock<Duration>, VendorTestClient) {
        let clock = TestClock()
        let emulator = try VendorEmulators.talkdesk(seed: vendorSeed(Self.seed), clock: clock, now: fixedNow)
        let token = try await Self.token(emulator)
        return (emulator, clock, VendorTestClient(emulator.api, prefix: "/scim/v2", token: token))
    }

    static func token(
        _ emulator: OAuthVendorEmulator, form: String = "grant_type=client_credentials&scope=scim"
    )
        async throws -> String
    {
        let response = await tokenResponse(emulator, form: form)
        try #require(response.status == 200)
        return try #require(response["access_token"]?.stringValue)
    }

    static func tokenResponse(
        _ emulator: OAuthVendorEmulator, form: String, authorization: String = basicAuthorization("cid", "s3cret")
    ) async -> TestResponse {
        let login = VendorTestClient(emulator.login, prefix: "", token: nil)
        let headers: HTTPFields = [
            .authorization: authorization, .contentType: "application/x-www-form-urlencoded",
        ]
        return await login.send(.post, "/oauth/token", form, headers: headers)
    }

    @Test(
        arguments: [
            ("grant_type=client_credentials&scope=scim", basicAuthorization("cid", "s3cret"), 200, nil),
            ("grant_type=client_credentials", basicAuthorization("cid", "s3cret"), 400, "invalid_scope"),
            ("grant_type=password&scope=scim", basicAuthorization("cid", "s3cret"), 400, "unsupported_grant_type"),
            ("grant_type=client_credentials&scope=scim", basicAuthorization("cid", "wrong"), 401, "invalid_client"),
            ("grant_type=client_credentials&scope=scim", "Bearer x", 401, "invalid_client"),
        ] as [(String, String, Int, String?)])
    func tokenEndpointNeedsClientCredentialsAndScimScope(
        form: String, authorization: String, status: Int, error: String?
    ) async throws {
        let emulator = try VendorEmulators.talkdesk(seed: vendorSeed(Self.seed), clock: TestClock())
        let response = await Self.tokenResponse(emulator, form: form, authorization: authorization)
        #expect(response.status == status)
        #expect(response["error"]?.stringValue == error)
        if status == 200 {
            #expect(response["scope"] == "scim")
            #expect(response["expires_in"] == 600)
        }
        #expect(!String(decoding: response.body, as: UTF8.self).contains("s3cret"))
    }

    @Test func tokensWorkWithOrWithoutBearerAndExpire() async throws {
        let (emulator, clock, client) = try await setUp()
        #expect(await client.get("/Users/u1").status == 200)
        let raw = try #require(client.authorization?.replacingOccurrences(of: "Bearer ", with: ""))
        #expect(await client.send(.get, "/Users/u1", headers: [.authorization: raw]).status == 200)
        #expect(await client.with(token: "made-up").get("/Users/u1").status == 401)
        let opaque = try await Self.token(
            emulator, form: "grant_type=client_credentials&scope=scim&token_type=opaque&expires_in=31556952")
        await clock.advance(by: .seconds(601))
        #expect(await client.get("/Users/u1").status == 401)
        #expect(await client.with(token: opaque).get("/Users/u1").status == 200)
    }

    @Test func usersOnly() async throws {
        let (_, _, client) = try await setUp()
        #expect(await client.get("/Groups").status == 404)
        #expect(await client.post("/Groups", #"{"displayName":"G"}"#).status == 404)
        #expect(await client.get("/Bulk").status == 404)
    }

    @Test(arguments: [
        (Self.user("bob"), 400),
        (Self.user("bob@localhost"), 400),
        (Self.user("bob@x.org"), 201),
        (#"{"userName":"bob@x.org","name":{"givenName":"B"}}"#, 400),
        (
            Self.user(
                "bob@x.org", extra: #","\#(Self.urn)":{"rolesString":"Agent;Supervisor","teamsString":"Support"}"#), 201
        ),
        (Self.user("bob@x.org", extra: #","\#(Self.urn)":{"rolesString":"Agent;Janitor"}"#), 400),
        (Self.user("bob@x.org", extra: #","\#(Self.urn)":{"teamsString":"Support;;Billing"}"#), 400),
    ])
    func createChecksEmailNamesRolesAndTeams(body: String, status: Int) async throws {
        let (_, _, client) = try await setUp()
        let response = await client.post("/Users", body)
        #expect(response.status == status)
    }

    @Test func rolesAndTeamsAreSemicolonStrings() async throws {
        let (_, _, client) = try await setUp()
        let body = Self.user(
            "bob@x.org", extra: #","\#(Self.urn)":{"rolesString":"Agent","teamsString":"Support;Billing"}"#)
        let created = await client.post("/Users", body)
        #expect(created[Self.urn] == ["rolesString": "Agent", "teamsString": "Support;Billing"])
    }

    @Test func moreThanFourRequestsInASecondGet429() async throws {
        let (_, clock, client) = try await setUp()
        for _ in 0..<4 { #expect(await client.get("/Users/u1").status == 200) }
        let refused = await client.get("/Users/u1")
        #expect(refused.status == 429)
        #expect(refused.headers[.retryAfter] == "1")
        await clock.advance(by: .milliseconds(999))
        #expect(await client.get("/Users/u1").status == 429)
        await clock.advance(by: .milliseconds(1))
        #expect(await client.get("/Users/u1").status == 200)
    }

    @Test func usersCreatedWithoutAFreeLicenceAreDeactivated() async throws {
        let (_, clock, client) = try await setUp()
        let second = await client.post("/Users", Self.user("bob@x.org"))
        #expect(second["active"] == true)
        let third = await client.post("/Users", Self.user("cy@x.org"))
        #expect(third.status == 201)
        #expect(third["active"] == false)
        await clock.advance(by: .seconds(1))
        let release = SCIMTestClient.patchBody(#"{"op":"replace","path":"active","value":false}"#)
        #expect(await client.patch("/Users/\(second.id)", release)["active"] == false)
        #expect(await client.post("/Users", Self.user("dee@x.org"))["active"] == true)
    }
}
