import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("SCIM ETags, authentication and discovery")
struct SCIMProtocolTests {
    /// Method, If-Match value → expected status with the RFC dialect.
    @Test(arguments: [
        ("PUT", #"W/"1""#, 200), ("PUT", #""1""#, 200), ("PUT", "*", 200), ("PUT", #"W/"0", W/"1""#, 200),
        ("PUT", #"W/"2""#, 412), ("PATCH", #"W/"1""#, 200), ("PATCH", #"W/"7""#, 412), ("DELETE", #"W/"1""#, 204),
        ("DELETE", #"W/"9""#, 412),
    ])
    func ifMatch(method: String, ifMatch: String, status: Int) async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@x")
        let body: String? =
            switch method {
            case "PUT": #"{"userName":"ana@x","title":"T"}"#
            case "PATCH": SCIMTestClient.patchBody(#"{"op":"add","path":"title","value":"T"}"#)
            default: nil
            }
        let response = await client.send(
            HTTPRequest.Method(method)!, "/Users/\(id)", body, headers: [.ifMatch: ifMatch])
        #expect(response.status == status)
        if status == 412 {
            #expect(response.scimType == nil)
            #expect(await client.get("/Users/\(id)").headers[.eTag] == #"W/"1""#)
        }
    }

    @Test func staleVersionCanAnswer400InvalidVers() async throws {
        var options = SCIMEmulatorOptions()
        options.staleVersion = .invalidVersion
        let client = try SCIMTestClient(options: options)
        let id = try await client.createUser("ana@x")
        let response = await client.put("/Users/\(id)", #"{"userName":"ana@x"}"#, headers: [.ifMatch: #"W/"5""#])
        #expect(response.status == 400)
        #expect(response.scimType == "invalidVers")
    }

    @Test func ifNoneMatchAnswers304() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser("ana@x")
        let cached = await client.get("/Users/\(id)", headers: [.ifNoneMatch: #"W/"1""#])
        #expect(cached.status == 304)
        #expect(cached.body.isEmpty)
        #expect(cached.headers[.eTag] == #"W/"1""#)
        #expect(await client.get("/Users/\(id)", headers: [.ifNoneMatch: #"W/"0""#]).status == 200)
    }

    /// Authorization header → expected status.
    @Test(
        arguments: [
            (nil, 401), ("Bearer wrong", 401), ("Basic \(defaultToken)", 401), (defaultToken, 401),
            ("Bearer \(defaultToken)", 200), ("bearer \(defaultToken)", 200),
        ] as [(String?, Int)])
    func bearerToken(header: String?, status: Int) async throws {
        let client = SCIMTestClient(try SCIMEmulator(now: fixedNow), token: nil)
        let headers: HTTPFields = header.map { [.authorization: $0] } ?? [:]
        let response = await client.get("/Users", headers: headers)
        #expect(response.status == status)
        if status == 401 {
            #expect(response["schemas"] == .array([.string(SCIMURN.error)]))
            #expect(response["status"] == .string("401"))
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(!String(decoding: response.body, as: UTF8.self).contains(defaultToken))
        }
    }

    @Test func tokenWithoutSchemeWhenTheDialectAllowsIt() async throws {
        var options = SCIMEmulatorOptions()
        options.acceptsTokenWithoutScheme = true
        options.token = "sts-opaque"
        let client = SCIMTestClient(try SCIMEmulator(options: options), token: nil)
        #expect(await client.get("/Users", headers: [.authorization: "sts-opaque"]).status == 200)
        #expect(await client.get("/Users", headers: [.authorization: "Bearer sts-opaque"]).status == 200)
        #expect(await client.get("/Users", headers: [.authorization: "other"]).status == 401)
    }

    @Test func serviceProviderConfig() async throws {
        var options = SCIMEmulatorOptions()
        options.maxPageSize = 50
        let client = try SCIMTestClient(options: options)
        let config = await client.get("/ServiceProviderConfig")
        #expect(config.status == 200)
        #expect(config["patch"] == ["supported": true])
        #expect(config["bulk"] == ["supported": false, "maxOperations": 0, "maxPayloadSize": 0])
        #expect(config["filter"] == ["supported": true, "maxResults": 50])
        #expect(config["etag"] == ["supported": true])
        #expect(config["sort"] == ["supported": false])
        #expect(config["changePassword"] == ["supported": false])
        let scheme = config["authenticationSchemes"]?.arrayValue?.first?.objectValue
        #expect(scheme?["type"] == "oauthbearertoken")
        #expect(config["schemas"] == [.string(SCIMURN.serviceProviderConfig)])
    }

    @Test func resourceTypes() async throws {
        let client = try SCIMTestClient()
        let list = await client.get("/ResourceTypes")
        #expect(list.totalResults == 2)
        let user = await client.get("/ResourceTypes/User")
        #expect(user["endpoint"] == "/Users")
        #expect(user["schema"] == .string(SCIMURN.user))
        #expect(user["schemaExtensions"] == [["schema": .string(SCIMURN.enterpriseUser), "required": false]])
        #expect(await client.get("/ResourceTypes/Group")["endpoint"] == "/Groups")
        #expect(await client.get("/ResourceTypes/Nope").status == 404)
    }

    @Test func schemas() async throws {
        let client = try SCIMTestClient()
        let list = await client.get("/Schemas")
        #expect(
            Set(list.resources.compactMap { $0["id"]?.stringValue }) == [
                SCIMURN.user, SCIMURN.group, SCIMURN.enterpriseUser,
            ])
        let user = await client.get("/Schemas/\(SCIMURN.user)")
        let attributes = user["attributes"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let userName = attributes.first { $0["name"] == "userName" }
        #expect(userName?["required"] == true)
        #expect(userName?["uniqueness"] == "server")
        #expect(userName?["caseExact"] == false)
        let names = Set(attributes.compactMap { $0["name"]?.stringValue })
        #expect(names.isSuperset(of: ["name", "displayName", "active", "emails", "phoneNumbers", "groups", "roles"]))
        let enterprise = await client.get("/Schemas/\(SCIMURN.enterpriseUser)")
        let enterpriseNames = enterprise["attributes"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue }
        #expect(
            enterpriseNames == ["employeeNumber", "costCenter", "organization", "division", "department", "manager"])
        #expect(await client.get("/Schemas/urn:nope").status == 404)
    }

    @Test func locationComesFromTheBaseURLOptionOrTheForwardedPrefix() async throws {
        var options = SCIMEmulatorOptions()
        options.baseURL = "https://api.example.test/scim/v2"
        let configured = try SCIMTestClient(options: options)
        let created = await configured.post("/Users", #"{"userName":"a"}"#)
        #expect(created.headers[.location] == "https://api.example.test/scim/v2/Users/\(created.id)")
        let derived = try SCIMEmulator(now: fixedNow)
        let request = HTTPRequest(
            method: .post, scheme: "http", authority: "127.0.0.1:9", path: "/Users",
            headerFields: [.authorization: "Bearer \(defaultToken)", HTTPField.Name("X-Forwarded-Prefix")!: "/scim"])
        let response = await derived.handle(request, body: Data(#"{"userName":"a"}"#.utf8))
        #expect(
            response.head.headerFields[.location]
                == "http://127.0.0.1:9/scim/Users/00000000-0000-4000-8000-000000000001")
        let relative = HTTPRequest(
            method: .get, scheme: nil, authority: nil, path: "/Users/00000000-0000-4000-8000-000000000001",
            headerFields: [.authorization: "Bearer \(defaultToken)"])
        let body = try JSONParser.parse(await derived.handle(relative, body: Data()).body)
        #expect(body.objectValue?["meta"]?.objectValue?["location"] == "/Users/00000000-0000-4000-8000-000000000001")
    }
}
