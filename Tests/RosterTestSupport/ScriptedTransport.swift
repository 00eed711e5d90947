public import Foundation
public import HTTPTypes
public import RosterProviders
import Synchronization

/// A transport whose answers a test scripts: a closure gets each request and returns a response or throws.
public final class ScriptedTransport: HTTPTransport {
    /// What the script sees.
    public struct Request: Sendable {
        /// Method.
        public var method: HTTPRequest.Method
        /// Path with query.
        public var path: String
        /// Headers.
        public var headers: HTTPFields
        /// Body, decoded as JSON when possible.
        public var json: JSONValue?
    }

    private let script: @Sendable (Request) throws -> (Int, JSONValue?, HTTPFields)
    private let log = Mutex<[Request]>([])

    /// Creates a transport answering with `script`: (status, body, extra headers).
    public init(_ script: @escaping @Sendable (Request) throws -> (Int, JSONValue?, HTTPFields)) {
        self.script = script
    }

    /// Every request seen, in order.
    public var requests: [Request] { log.withLock { $0 } }

    /// Answers one request from the script.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let json = body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        let seen = Request(method: request.method, path: request.path ?? "", headers: request.headerFields, json: json)
        log.withLock { $0.append(seen) }
        let (status, answer, headers) = try script(seen)
        var head = HTTPResponse(status: .init(code: status))
        head.headerFields = headers
        let data = try answer.map { try JSONEncoder().encode($0) } ?? Data()
        return (head, data)
    }
}

/// A SCIM ListResponse body.
public func listResponse(_ resources: [JSONValue], total: Int? = nil, startIndex: Int = 1) -> JSONValue {
    .object([
        "schemas": .array([.string("urn:ietf:params:scim:api:messages:2.0:ListResponse")]),
        "totalResults": .number(Double(total ?? resources.count)), "startIndex": .number(Double(startIndex)),
        "itemsPerPage": .number(Double(resources.count)), "Resources": .array(resources),
    ])
}

/// A SCIM user body.
public func scimUser(_ id: String, _ userName: String, externalId: String? = nil, active: Bool = true) -> JSONValue {
    var object: [String: JSONValue] = [
        "id": .string(id), "userName": .string(userName), "active": .bool(active),
        "schemas": .array([.string("urn:ietf:params:scim:schemas:core:2.0:User")]),
    ]
    if let externalId { object["externalId"] = .string(externalId) }
    return .object(object)
}

/// The value of a query parameter in a path.
public func queryValue(_ path: String, _ name: String) -> String? {
    URLComponents(string: "http://x" + path)?.queryItems?.first { $0.name == name }?.value
}
