import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

private let enterprise = SCIMURN.enterpriseUser

/// One PATCH request against `PatchCase.user` and what must follow.
struct PatchCase: Sendable, CustomTestStringConvertible {
    var name: String
    var operations: [String]
    /// Top-level attributes after the PATCH; `nil` means absent.
    var expected: [String: JSONValue?] = [:]
    var status = 200
    var scimType: String?
    var testDescription: String { name }

    static let user = """
        {"userName": "ana@x", "displayName": "Ana", "title": "Agent", "active": true,
         "name": {"givenName": "Ana", "familyName": "Lima"},
         "emails": [{"type": "work", "value": "ana@work.x", "primary": true}, {"type": "home", "value": "ana@home.x"}],
         "phoneNumbers": [{"type": "work", "value": "+1 555"}],
         "\(SCIMURN.enterpriseUser)": {"department": "Sales", "manager": {"value": "boss"}}}
        """

    static let work: JSONValue = .object(["type": "work", "value": "ana@work.x", "primary": true])
    static let home: JSONValue = .object(["type": "home", "value": "ana@home.x"])
    static let manager: JSONValue = .object(["value": "boss"])

    static let all: [PatchCase] = [
        PatchCase(
            name: "replace simple", operations: [#"{"op":"replace","path":"title","value":"Lead"}"#],
            expected: ["title": "Lead"]),
        PatchCase(
            name: "op names ignore case", operations: [#"{"op":"Replace","path":"active","value":false}"#],
            expected: ["active": false]),
        PatchCase(
            name: "add simple", operations: [#"{"op":"add","path":"nickName","value":"Annie"}"#],
            expected: ["nickName": "Annie", "title": "Agent"]),
        PatchCase(name: "remove simple", operations: [#"{"op":"remove","path":"title"}"#], expected: ["title": nil]),
        PatchCase(
            name: "replace with null removes", operations: [#"{"op":"replace","path":"title","value":null}"#],
            expected: ["title": nil]),
        PatchCase(
            name: "sub-attribute replace", operations: [#"{"op":"replace","path":"name.givenName","value":"Anna"}"#],
            expected: ["name": .object(["givenName": "Anna", "familyName": "Lima"])]),
        PatchCase(
            name: "sub-attribute remove", operations: [#"{"op":"remove","path":"name.familyName"}"#],
            expected: ["name": .object(["givenName": "Ana"])]),
        PatchCase(
            name: "extension attribute replace",
            operations: [#"{"op":"replace","path":"\#(enterprise):department","value":"Support"}"#],
            expected: [enterprise: .object(["department": "Support", "manager": manager])]),
        PatchCase(
            name: "extension sub-attribute",
            operations: [#"{"op":"replace","path":"\#(enterprise):manager.value","value":"boss2"}"#],
            expected: [enterprise: .object(["department": "Sales", "manager": .object(["value": "boss2"])])]),
        PatchCase(
            name: "extension attribute remove", operations: [#"{"op":"remove","path":"\#(enterprise):department"}"#],
            expected: [enterprise: .object(["manager": manager])]),
        PatchCase(
            name: "whole extension object add",
            operations: [#"{"op":"add","path":"\#(enterprise)","value":{"division":"East"}}"#],
            expected: [enterprise: .object(["department": "Sales", "manager": manager, "division": "East"])]),
        PatchCase(
            name: "valuePath replace sub-attribute",
            operations: [#"{"op":"replace","path":"emails[type eq \"work\"].value","value":"new@work.x"}"#],
            expected: ["emails": .array([.object(["type": "work", "value": "new@work.x", "primary": true]), home])]),
        PatchCase(
            name: "valuePath add without match creates the entry",
            operations: [#"{"op":"add","path":"emails[type eq \"other\"].value","value":"o@x"}"#],
            expected: ["emails": .array([work, home, .object(["type": "other", "value": "o@x"])])]),
        PatchCase(
            name: "valuePath replace without match is noTarget",
            operations: [#"{"op":"replace","path":"emails[type eq \"other\"].value","value":"o@x"}"#],
            status: 400, scimType: "noTarget"),
        PatchCase(
            name: "valuePath remove entry", operations: [#"{"op":"remove","path":"emails[type eq \"home\"]"}"#],
            expected: ["emails": .array([work])]),
        PatchCase(
            name: "valuePath remove sub-attribute",
            operations: [#"{"op":"remove","path":"emails[type eq \"work\"].primary"}"#],
            expected: ["emails": .array([.object(["type": "work", "value": "ana@work.x"]), home])]),
        PatchCase(
            name: "valuePath replace whole entry merges",
            operations: [#"{"op":"replace","path":"emails[value ew \"home.x\"]","value":{"display":"Home"}}"#],
            expected: ["emails": .array([work, .object(["type": "home", "value": "ana@home.x", "display": "Home"])])]),
        PatchCase(
            name: "add appends to multi-valued",
            operations: [
                #"{"op":"add","path":"emails","value":[{"type":"other","value":"o@x"},{"value":"ana@home.x"}]}"#
            ],
            expected: ["emails": .array([work, home, .object(["type": "other", "value": "o@x"])])]),
        PatchCase(
            name: "replace multi-valued replaces all",
            operations: [#"{"op":"replace","path":"phoneNumbers","value":[{"type":"mobile","value":"+2"}]}"#],
            expected: ["phoneNumbers": .array([.object(["type": "mobile", "value": "+2"])])]),
        PatchCase(
            name: "remove listed values of multi-valued",
            operations: [#"{"op":"remove","path":"emails","value":[{"value":"ana@home.x"}]}"#],
            expected: ["emails": .array([work])]),
        PatchCase(
            name: "no path merges the value object",
            operations: [#"{"op":"replace","value":{"title":"Boss","name":{"givenName":"Anne"},"active":false}}"#],
            expected: ["title": "Boss", "active": false, "name": .object(["givenName": "Anne", "familyName": "Lima"])]),
        PatchCase(
            name: "no path with URN-qualified key",
            operations: [#"{"op":"add","value":{"\#(enterprise):department":"Ops"}}"#],
            expected: [enterprise: .object(["department": "Ops", "manager": manager])]),
        PatchCase(
            name: "no path with extension object",
            operations: [#"{"op":"add","value":{"\#(enterprise)":{"costCenter":"42"}}}"#],
            expected: [enterprise: .object(["department": "Sales", "manager": manager, "costCenter": "42"])]),
        PatchCase(
            name: "no path ignores read-only attributes",
            operations: [#"{"op":"replace","value":{"id":"hijack","meta":{},"title":"T"}}"#],
            expected: ["title": "T", "id": "00000000-0000-4000-8000-000000000001"]),
        PatchCase(
            name: "several operations apply in order",
            operations: [
                #"{"op":"add","path":"nickName","value":"A"}"#, #"{"op":"replace","path":"nickName","value":"B"}"#,
            ],
            expected: ["nickName": "B"]),
        PatchCase(
            name: "path id is read-only", operations: [#"{"op":"replace","path":"id","value":"x"}"#],
            status: 400, scimType: "mutability"),
        PatchCase(
            name: "path groups is read-only", operations: [#"{"op":"add","path":"groups","value":[]}"#],
            status: 400, scimType: "mutability"),
        PatchCase(
            name: "remove without path is noTarget", operations: [#"{"op":"remove"}"#],
            status: 400, scimType: "noTarget"),
        PatchCase(
            name: "unknown op", operations: [#"{"op":"move","path":"title","value":"x"}"#],
            status: 400, scimType: "invalidSyntax"),
        PatchCase(
            name: "add without value", operations: [#"{"op":"add","path":"title"}"#],
            status: 400, scimType: "invalidSyntax"),
        PatchCase(
            name: "malformed path", operations: [#"{"op":"add","path":"emails[type eq","value":"x"}"#],
            status: 400, scimType: "invalidPath"),
        PatchCase(
            name: "userName cannot be emptied", operations: [#"{"op":"replace","path":"userName","value":""}"#],
            status: 400, scimType: "invalidValue"),
        PatchCase(
            name: "no path needs an object", operations: [#"{"op":"add","value":"x"}"#],
            status: 400, scimType: "invalidValue"),
        PatchCase(
            name: "active must stay Boolean", operations: [#"{"op":"replace","path":"active","value":"perhaps"}"#],
            status: 400, scimType: "invalidValue"),
        PatchCase(
            name: "Entra-style string Booleans", operations: [#"{"op":"Replace","path":"active","value":"False"}"#],
            expected: ["active": false]),
    ]
}

@Suite("SCIM PATCH")
struct SCIMPatchTests {
    @Test(arguments: PatchCase.all)
    func patchUser(_ c: PatchCase) async throws {
        let client = try SCIMTestClient()
        let created = await client.post("/Users", PatchCase.user)
        try #require(created.status == 201)
        let response = await client.patch(
            "/Users/\(created.id)", SCIMTestClient.patchBody(c.operations.joined(separator: ",")))
        #expect(response.status == c.status, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(response.scimType == c.scimType)
        let after = await client.get("/Users/\(created.id)")
        for (key, value) in c.expected {
            #expect(after[key] == value, "\(key)")
        }
        if c.status != 200 {
            #expect(after.json == created.json, "a failed PATCH changes nothing")
        }
    }

    @Test func requestShapeErrors() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@x")
        let noOperations = await client.patch(
            "/Users/\(id)", #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}"#)
        #expect(noOperations.scimType == "invalidSyntax")
        let wrongSchema = await client.patch(
            "/Users/\(id)", #"{"schemas":["urn:x"],"Operations":[{"op":"add","path":"title","value":"x"}]}"#)
        #expect(wrongSchema.scimType == "invalidSyntax")
        #expect(
            await client.patch("/Users/missing", SCIMTestClient.patchBody(#"{"op":"remove","path":"title"}"#)).status
                == 404)
    }

    @Test func failingOperationRollsBackEarlierOnes() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@x", extra: #","title":"Agent""#)
        let response = await client.patch(
            "/Users/\(id)",
            SCIMTestClient.patchBody(
                #"{"op":"replace","path":"title","value":"Lead"}"#, #"{"op":"replace","path":"id","value":"x"}"#))
        #expect(response.status == 400)
        #expect(await client.get("/Users/\(id)")["title"] == .string("Agent"))
    }

    @Test func patchBumpsTheVersionOnlyWhenSomethingChanged() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@x", extra: #","title":"Agent""#)
        let same = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","path":"title","value":"Agent"}"#))
        #expect(same.status == 200)
        #expect(same.headers[.eTag] == #"W/"1""#)
        let changed = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","path":"title","value":"Lead"}"#))
        #expect(changed.headers[.eTag] == #"W/"2""#)
        #expect(changed["title"] == .string("Lead"))
        let stats = await client.emulator.stats
        #expect(stats.writesApplied == 2)
    }

    @Test func patchCanRenameButNotOntoAnotherUser() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@x")
        try await client.createUser("bob@x")
        let clash = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","path":"userName","value":"BOB@x"}"#))
        #expect(clash.status == 409)
        let renamed = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","path":"userName","value":"anna@x"}"#))
        #expect(renamed.status == 200)
        #expect(await client.get(listPath("/Users", filter: #"userName eq "anna@x""#)).totalResults == 1)
        #expect(await client.get(listPath("/Users", filter: #"userName eq "ana@x""#)).totalResults == 0)
    }

    @Test func groupMembershipPatches() async throws {
        let client = try SCIMTestClient()
        let ana = try await client.createUser("ana@x")
        let bob = try await client.createUser("bob@x")
        let cy = try await client.createUser("cy@x")
        let group = try await client.createGroup("Sales", members: [ana])
        func members() async -> [String] {
            await client.get("/Groups/\(group)")["members"]?.arrayValue?.compactMap {
                $0.objectValue?["value"]?.stringValue
            } ?? []
        }
        let add = #"{"op":"add","path":"members","value":[{"value":"\#(bob)"},{"value":"\#(cy)"},{"value":"\#(ana)"}]}"#
        #expect(await client.patch("/Groups/\(group)", SCIMTestClient.patchBody(add)).status == 200)
        #expect(await members() == [ana, bob, cy])
        let removeOne = #"{"op":"remove","path":"members[value eq \"\#(bob)\"]"}"#
        #expect(await client.patch("/Groups/\(group)", SCIMTestClient.patchBody(removeOne)).status == 200)
        #expect(await members() == [ana, cy])
        let removeByValue = #"{"op":"remove","path":"members","value":[{"value":"\#(ana)"}]}"#
        #expect(await client.patch("/Groups/\(group)", SCIMTestClient.patchBody(removeByValue)).status == 200)
        #expect(await members() == [cy])
        let unknown = #"{"op":"add","path":"members","value":[{"value":"ghost"}]}"#
        #expect(await client.patch("/Groups/\(group)", SCIMTestClient.patchBody(unknown)).scimType == "invalidValue")
        let replace = #"{"op":"replace","path":"members","value":[{"value":"\#(bob)"}]}"#
        #expect(await client.patch("/Groups/\(group)", SCIMTestClient.patchBody(replace)).status == 200)
        #expect(await members() == [bob])
        let removeAll = #"{"op":"remove","path":"members"}"#
        #expect(await client.patch("/Groups/\(group)", SCIMTestClient.patchBody(removeAll)).status == 200)
        #expect(await members() == [])
        #expect(await client.get("/Users/\(bob)")["groups"] == nil)
    }
}
