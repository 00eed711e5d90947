import Foundation
public import HTTPTypes

/// A SCIM 2.0 client (RFC 7644): resource CRUD, PATCH, paging and error mapping.
///
/// Knows nothing of plans.
public struct SCIMClient: Sendable {
    /// The provider name, for error messages.
    public let provider: String
    /// Where the service lives.
    public let endpoint: SCIMEndpoint
    let transport: any HTTPTransport
    /// Items asked for per page; the server may answer fewer (its maximum) and paging follows what it answers.
    public var pageSize: Int
    /// Pages fetched at once after the first one.
    public var readConcurrency: Int
    /// Query added to every list request, for example a Genesys filter that includes inactive users.
    public var listFilter: [String: String] = [:]
    /// Put before a collection's name in read progress (`SCIM ` for Five9's SCIM face, so its users are told
    /// apart from the SOAP listing's).
    public var progressPrefix = ""

    /// Creates a client.
    public init(
        provider: String, endpoint: SCIMEndpoint, transport: any HTTPTransport, pageSize: Int = 100,
        readConcurrency: Int = 4
    ) {
        self.provider = provider
        self.endpoint = endpoint
        self.transport = transport
        self.pageSize = pageSize
        self.readConcurrency = readConcurrency
    }

    /// GETs a resource.
    public func get(_ path: String) async throws -> JSONValue {
        try await send(.get, path, body: nil).body
    }

    /// POSTs a new resource and returns the created object.
    public func create(_ collection: String, _ object: JSONValue) async throws -> JSONValue {
        try await send(.post, "/\(collection)", body: object).body
    }

    /// PUTs a full object, with `If-Match` when a version is known.
    public func replace(
        _ collection: String, id: String, _ object: JSONValue, version: String?
    ) async throws -> JSONValue {
        try await send(.put, "/\(collection)/\(Self.escape(id))", body: object, version: version).body
    }

    /// PATCHes with SCIM operations; returns the object when the server sends it back.
    public func patch(
        _ collection: String, id: String, _ operations: [PatchOperation], version: String?
    ) async throws
        -> JSONValue
    {
        let body = JSONValue.object([
            "schemas": .array([.string("urn:ietf:params:scim:api:messages:2.0:PatchOp")]),
            "Operations": .array(operations.map(\.json)),
        ])
        return try await send(.patch, "/\(collection)/\(Self.escape(id))", body: body, version: version).body
    }

    /// DELETEs a resource.
    public func delete(_ collection: String, id: String, version: String? = nil) async throws {
        _ = try await send(.delete, "/\(collection)/\(Self.escape(id))", body: nil, version: version)
    }

    /// Sends one request and maps any non-2xx answer to a `ProviderError`.
    func send(
        _ method: HTTPRequest.Method, _ path: String, body: JSONValue?, version: String? = nil
    ) async throws
        -> (head: HTTPResponse, body: JSONValue)
    {
        var request = endpoint.request(method, path)
        var data: Data?
        if let body {
            request.headerFields[.contentType] = "application/scim+json"
            data = try Self.encoder.encode(body)
        }
        if let version { request.headerFields[.ifMatch] = version }
        let head: HTTPResponse
        let payload: Data
        do {
            (head, payload) = try await transport.send(request, body: data)
        } catch let error as TransportError {
            throw SCIMFailure.noResponse(error, method: method, path: path)
        }
        guard (200..<300).contains(head.status.code) else {
            throw SCIMErrorMapper.error(provider: provider, method: method, path: path, head: head, body: payload)
        }
        guard !payload.isEmpty else { return (head, .null) }
        do {
            return (head, try JSONValue(parsing: payload))
        } catch {
            throw ProviderError(
                .malformed, provider: provider,
                "\(method) \(path) answered \(head.status.code) with a body that is not JSON (\(payload.count) bytes)",
                status: head.status.code)
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Percent-escapes an id for a path segment.
    static func escape(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? id
    }

    /// Percent-escapes a query value.
    static func escapeQuery(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? value
    }
}

/// A request that got no answer: the provider decides whether it is safe to retry.
public enum SCIMFailure: Error, Sendable {
    /// No response; the server may or may not have acted.
    case noResponse(TransportError, method: HTTPRequest.Method, path: String)
}
