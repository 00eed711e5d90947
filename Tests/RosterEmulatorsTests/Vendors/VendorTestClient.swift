import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// Sends requests to a vendor handler in process, with the vendor's path prefix and a token.
struct VendorTestClient: Sendable {
    let handler: any EmulatorHandler
    /// The vendor's SCIM prefix, such as `/udi/customers/0012345678/scim/v2`.
    var prefix: String
    /// The `Authorization` header value (`Bearer …`), if any.
    var authorization: String?

    init(_ handler: any EmulatorHandler, prefix: String, token: String?) {
        self.handler = handler
        self.prefix = prefix
        authorization = token.map { "Bearer \($0)" }
    }

    /// The same client with another token.
    func with(token: String?) -> VendorTestClient {
        VendorTestClient(handler, prefix: prefix, token: token)
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, headers: HTTPFields = [:]
    ) async -> TestResponse {
        var fields = headers
        if let authorization, fields[.authorization] == nil { fields[.authorization] = authorization }
        if body != nil { fields[.contentType] = "application/json" }
        let request = HTTPRequest(
            method: method, scheme: "http", authority: "vendor.test", path: prefix + path, headerFields: fields)
        let response = await handler.handle(request, body: Data((body ?? "").utf8))
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
}

/// A vendor seed from JSON text.
func vendorSeed(_ json: String) throws -> VendorSeed {
    try VendorSeed(json: Data(json.utf8))
}

/// The Basic header for a client id and secret.
func basicAuthorization(_ id: String, _ secret: String) -> String {
    "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
}
