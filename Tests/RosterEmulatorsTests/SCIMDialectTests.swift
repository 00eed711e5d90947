import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("SCIM dialect options and hooks")
struct SCIMDialectTests {
    @Test func groupsMembershipOnly() async throws {
        var options = SCIMEmulatorOptions()
        options.groups = .membershipOnly
        let client = try SCIMTestClient(
            options: options,
            seed: #"{"users":[{"id":"u1","userName":"ana@x"}],"groups":[{"id":"g1","displayName":"Sales"}]}"#)
        let create = await client.post("/Groups", #"{"displayName":"New"}"#)
        #expect(create.status == 405)
        #expect(await client.delete("/Groups/g1").status == 405)
        let add = await client.patch(
            "/Groups/g1", SCIMTestClient.patchBody(#"{"op":"add","path":"members","value":[{"value":"u1"}]}"#))
        #expect(add.status == 200)
        #expect(await client.put("/Groups/g1", #"{"displayName":"Sales"}"#).status == 200)
        #expect(await client.get("/Groups").totalResults == 1)
    }

    @Test func noGroups() async throws {
        var options = SCIMEmulatorOptions()
        options.groups = .none
        let client = try SCIMTestClient(options: options)
        #expect(await client.get("/Groups").status == 404)
        #expect(await client.post("/Groups", #"{"displayName":"G"}"#).status == 404)
        #expect(await client.get("/ResourceTypes").totalResults == 1)
        #expect(await client.get("/Schemas/\(SCIMURN.group)").status == 404)
    }

    @Test func deleteCanDeactivate() async throws {
        var options = SCIMEmulatorOptions()
        options.userDelete = .deactivate
        let client = try SCIMTestClient(options: options)
        let id = try await client.createUser("ana@x")
        let group = try await client.createGroup("G", members: [id])
        #expect(await client.delete("/Users/\(id)").status == 204)
        let user = await client.get("/Users/\(id)")
        #expect(user.status == 200)
        #expect(user["active"] == false)
        #expect(user.headers[.eTag] == #"W/"2""#)
        #expect(await client.get("/Groups/\(group)")["members"]?.arrayValue?.count == 1)
        #expect(await client.delete("/Users/\(id)").status == 204)
        #expect(await client.get("/Users/\(id)").headers[.eTag] == #"W/"2""#)
    }

    @Test func patchCanBeLimitedToActive() async throws {
        var options = SCIMEmulatorOptions()
        options.patchableUserAttributes = ["active"]
        let client = try SCIMTestClient(options: options)
        let id = try await client.createUser("ana@x")
        let active = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","path":"active","value":false}"#))
        #expect(active.status == 200)
        let noPath = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","value":{"active":true}}"#))
        #expect(noPath.status == 200)
        let title = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","path":"title","value":"x"}"#))
        #expect(title.status == 400)
        #expect(title.scimType == "invalidPath")
        let mixed = await client.patch(
            "/Users/\(id)", SCIMTestClient.patchBody(#"{"op":"replace","value":{"active":false,"title":"x"}}"#))
        #expect(mixed.status == 400)
        #expect(await client.put("/Users/\(id)", #"{"userName":"ana@x","title":"x"}"#).status == 200)
    }

    @Test func unknownAttributesCanBeDropped() async throws {
        var options = SCIMEmulatorOptions()
        options.unknownAttributes = .drop
        let client = try SCIMTestClient(options: options)
        let response = await client.post(
            "/Users",
            #"{"userName":"a","shoeSize":42,"name":{"givenName":"A","nick":"x"},"urn:example:ext:1.0:User":{"x":1},"\#(SCIMURN.enterpriseUser)":{"department":"D","floor":3}}"#
        )
        #expect(response.status == 201)
        #expect(response["shoeSize"] == nil)
        #expect(response["urn:example:ext:1.0:User"] == nil)
        #expect(response["name"] == ["givenName": "A"])
        #expect(response[SCIMURN.enterpriseUser] == ["department": "D"])
        #expect(response["schemas"] == [.string(SCIMURN.user), .string(SCIMURN.enterpriseUser)])
    }

    @Test func vendorExtensionSchemasAreServedAndKept() async throws {
        var options = SCIMEmulatorOptions()
        options.unknownAttributes = .drop
        let urn = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User"
        options.extensionSchemas = [
            SCIMSchemaDefinition(
                id: urn, name: "8x8User", description: "8x8", extends: .user, attributes: [.string("site")])
        ]
        let client = try SCIMTestClient(options: options)
        let response = await client.post("/Users", #"{"userName":"a","\#(urn)":{"SITE":"HQ","x":1}}"#)
        #expect(response[urn] == ["site": "HQ"])
        #expect(await client.get("/Schemas/\(urn)").status == 200)
        let extensions = await client.get("/ResourceTypes/User")["schemaExtensions"]?.arrayValue?.count
        #expect(extensions == 2)
        let patched = await client.patch(
            "/Users/\(response.id)",
            SCIMTestClient.patchBody(#"{"op":"replace","path":"\#(urn):site","value":"Boston"}"#))
        #expect(patched[urn] == ["site": "Boston"])
    }

    @Test func willStoreHookCanChangeOrRefuse() async throws {
        var options = SCIMEmulatorOptions()
        let urn = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User"
        options.hooks.willStore = { kind, resource, old in
            guard kind == .user else { return }
            if let old, old[urn] != resource[urn] {
                throw SCIMError.badRequest(.mutability, "site cannot change after the user is created")
            }
            if resource["userName"]?.stringValue?.hasSuffix("@nolicence.x") == true { resource["active"] = false }
        }
        let client = try SCIMTestClient(options: options)
        let created = await client.post("/Users", #"{"userName":"a@nolicence.x","\#(urn)":{"site":"HQ"}}"#)
        #expect(created["active"] == false)
        let moved = await client.put(
            "/Users/\(created.id)", #"{"userName":"a@nolicence.x","\#(urn)":{"site":"Boston"}}"#)
        #expect(moved.status == 400)
        #expect(moved.scimType == "mutability")
        let seeded = Result {
            try SCIMEmulator(
                options: options, seed: SCIMSeed(json: Data(#"{"users":[{"userName":"s@nolicence.x"}]}"#.utf8)))
        }
        let emulator = try seeded.get()
        #expect(await emulator.store.users.all.first?["active"] == false)
    }

    @Test func readOnlyTokensMayOnlyRead() async throws {
        var options = SCIMEmulatorOptions()
        options.readOnlyTokens = ["reader"]
        let writer = try SCIMTestClient(options: options)
        let id = try await writer.createUser("ana@x")
        let reader = SCIMTestClient(writer.emulator, token: "reader")
        #expect(await reader.get("/Users/\(id)").status == 200)
        #expect(await reader.post("/Users/.search", #"{"filter":"userName eq \"ana@x\""}"#).totalResults == 1)
        let refused = await reader.post("/Users", #"{"userName":"bob@x"}"#)
        #expect(refused.status == 403)
        #expect(refused["schemas"] == [.string(SCIMURN.error)])
        #expect(await reader.delete("/Users/\(id)").status == 403)
        #expect(await writer.get("/Users").totalResults == 1)
    }

    @Test func willRouteHookCanAnswerFirst() async throws {
        var options = SCIMEmulatorOptions()
        options.hooks.willRoute = { request in
            if let count = request.query["count"].flatMap(Int.init), count > 25 {
                throw SCIMError(status: 429, scimType: nil, detail: "pages over 25 exceed internal limits")
            }
        }
        let client = try SCIMTestClient(options: options)
        #expect(await client.get("/Users?count=25").status == 200)
        #expect(await client.get("/Users?count=26").status == 429)
    }

    @Test func bulkRunsOperationsInOrderAndResolvesBulkIDs() async throws {
        var options = SCIMEmulatorOptions()
        options.bulkMaxOperations = 3
        let client = try SCIMTestClient(options: options)
        let response = await client.post(
            "/Bulk",
            #"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Users","bulkId":"ana","data":{"userName":"ana@x"}},
              {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"G","members":[{"value":"bulkId:ana"}]}},
              {"method":"PATCH","path":"/Users/bulkId:ana","version":"W/\"1\"","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"title","value":"T"}]}}
            ]}
            """#)
        #expect(response.status == 200)
        let results = response["Operations"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(results.map { $0["status"] } == ["201", "201", "200"])
        #expect(results[0]["location"] == "http://scim.test/Users/00000000-0000-4000-8000-000000000001")
        #expect(results[0]["version"] == #"W/"1""#)
        #expect(results[0]["bulkId"] == "ana")
        let group = await client.get(listPath("/Groups", filter: #"displayName eq "G""#)).resources.first
        #expect(group?["members"]?.arrayValue?.first?.objectValue?["value"] == "00000000-0000-4000-8000-000000000001")
        #expect(await client.get("/Users/00000000-0000-4000-8000-000000000001")["title"] == "T")
        #expect(await client.emulator.stats.writesApplied == 3)
        let config = await client.get("/ServiceProviderConfig")
        #expect(config["bulk"]?.objectValue?["maxOperations"] == 3)
        #expect(config["bulk"]?.objectValue?["supported"] == true)
    }

    @Test func bulkLimitsAndFailOnErrors() async throws {
        var options = SCIMEmulatorOptions()
        options.bulkMaxOperations = 2
        let client = try SCIMTestClient(options: options)
        let tooMany = await client.post(
            "/Bulk",
            #"{"Operations":[{"method":"DELETE","path":"/Users/a"},{"method":"DELETE","path":"/Users/b"},{"method":"DELETE","path":"/Users/c"}]}"#
        )
        #expect(tooMany.status == 413)
        #expect(tooMany.scimType == "tooMany")
        let stopped = await client.post(
            "/Bulk",
            #"{"failOnErrors":1,"Operations":[{"method":"DELETE","path":"/Users/a"},{"method":"POST","path":"/Users","bulkId":"x","data":{"userName":"x"}}]}"#
        )
        let results = stopped["Operations"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(results.count == 1)
        #expect(results.first?["status"] == "404")
        #expect(results.first?["response"]?.objectValue?["status"] == "404")
        let unresolved = await client.post(
            "/Bulk", #"{"Operations":[{"method":"PATCH","path":"/Users/bulkId:nope","data":{}}]}"#)
        #expect(unresolved["Operations"]?.arrayValue?.first?.objectValue?["status"] == "409")
        #expect(await client.get("/Users").totalResults == 0)
    }
}
