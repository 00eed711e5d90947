import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// A fixed wall time so that `meta` timestamps are stable.
let fixedNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_225_600) }

/// The token of `SCIMEmulatorOptions()`.
let defaultToken = SCIMEmulatorOptions().token

/// One answer, decoded for assertions.
struct TestResponse: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: Data
    var dropConnection: Bool
    /// The body parsed as JSON (`.null` if empty or invalid).
    let json: JSONValue

    init(status: Int, headers: HTTPFields, body: Data, dropConnection: Bool) {
        self.status = status
        self.headers = headers
        self.body = body
        self.dropConnection = dropConnection
        json = (try? JSONParser.parse(body)) ?? .null
    }

    /// A top-level member of the body.
    subscript(_ key: String) -> JSONValue? { json.objectValue?[key] }

    /// `scimType` of an error body.
    var scimType: String? { self["scimType"]?.stringValue }

    /// `id` of a resource body.
    var id: String { self["id"]?.stringValue ?? "" }

    /// `Resources` of a list body.
    var resources: [JSONObject] { self["Resources"]?.arrayValue?.compactMap(\.objectValue) ?? [] }

    /// `totalResults` of a list body.
    var totalResults: Int { Int(self["totalResults"]?.numberValue ?? -1) }

    /// The `userName`s (or `displayName`s) of a list body, in order.
    var names: [String] {
        resources.compactMap { ($0["userName"] ?? $0["displayName"])?.stringValue }
    }
}

/// Sends requests to an emulator in process, as a client would.
struct SCIMTestClient: Sendable {
    let emulator: SCIMEmulator
    var token: String? = defaultToken

    init(_ emulator: SCIMEmulator, token: String? = defaultToken) {
        self.emulator = emulator
        self.token = token
    }

    /// Creates an emulator with `options` and a fixed clock time, seeded from `seed` JSON.
    init(options: SCIMEmulatorOptions = SCIMEmulatorOptions(), seed: String? = nil, faults: [FaultRule] = []) throws {
        let seedValue = try seed.map { try SCIMSeed(json: Data($0.utf8)) } ?? .empty
        let emulator = try SCIMEmulator(options: options, seed: seedValue, faults: faults, now: fixedNow)
        self.init(emulator, token: seedValue.applying(to: options).token)
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, headers: HTTPFields = [:]
    ) async -> TestResponse {
        var fields = headers
        if let token, fields[.authorization] == nil { fields[.authorization] = "Bearer \(token)" }
        if body != nil { fields[.contentType] = "application/scim+json" }
        let request = HTTPRequest(
            method: method, scheme: "http", authority: "scim.test", path: path, headerFields: fields)
        let response = await emulator.handle(request, body: Data((body ?? "").utf8))
        return TestResponse(
            status: response.head.status.code, headers: response.head.headerFields, body: response.body,
            dropConnection: response.dropConnection)
    }

    func get(_ path: String, headers: HTTPFields = [:]) async -> TestResponse {
        await send(.get, path, headers: headers)
    }

    func post(_ path: String, _ body: String, headers: HTTPFields = [:]) async -> TestResponse {
        await send(.post, path, body, headers: headers)
    }

    func put(_ path: String, _ body: String, headers: HTTPFields = [:]) async -> TestResponse {
        await send(.put, path, body, headers: headers)
    }

    func patch(_ path: String, _ body: String, headers: HTTPFields = [:]) async -> TestResponse {
        await send(.patch, path, body, headers: headers)
    }

    func delete(_ path: String, headers: HTTPFields = [:]) async -> TestResponse {
        await send(.delete, path, headers: headers)
    }

    /// Creates a user and returns its id.
    @discardableResult
    func createUser(_ userName: String, extra: String = "") async throws -> String {
        let body = #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"\#(userName)"\#(extra)}"#
        let response = await post("/Users", body)
        try #require(response.status == 201, "creating \(userName): \(String(decoding: response.body, as: UTF8.self))")
        return response.id
    }

    /// Creates a group with members and returns its id.
    @discardableResult
    func createGroup(_ name: String, members: [String] = []) async throws -> String {
        let list = members.map { #"{"value":"\#($0)"}"# }.joined(separator: ",")
        let response = await post("/Groups", #"{"displayName":"\#(name)","members":[\#(list)]}"#)
        try #require(response.status == 201, "creating \(name): \(String(decoding: response.body, as: UTF8.self))")
        return response.id
    }

    /// A PatchOp body with the given operations (JSON objects).
    static func patchBody(_ operations: String...) -> String {
        let list = operations.joined(separator: ",")
        return #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[\#(list)]}"#
    }
}

/// The path with a percent-encoded filter, as in `listPath("/Users", filter: "userName eq \"a\"")`.
func listPath(_ base: String, filter: String? = nil, extra: String = "") -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+")
    let query = filter.map { "filter=" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) } ?? ""
    let parts = [query, extra].filter { !$0.isEmpty }
    return parts.isEmpty ? base : base + "?" + parts.joined(separator: "&")
}
