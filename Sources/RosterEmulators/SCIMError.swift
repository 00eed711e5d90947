import HTTPTypes

/// A SCIM protocol error, answered as an `urn:ietf:params:scim:api:messages:2.0:Error` body (RFC 7644 §3.12).
///
/// Vendor emulators throw it from their hooks to refuse a request the way their vendor does.
struct SCIMError: Error, Sendable, Equatable {
    /// The `scimType` values of RFC 7644 §3.12.
    enum ErrorType: String, Sendable {
        case invalidFilter, tooMany, uniqueness, mutability, invalidSyntax, invalidPath, noTarget, invalidValue
        case invalidVers, sensitive
    }

    /// HTTP status code.
    var status: Int
    /// The SCIM detail error keyword, if any.
    var scimType: ErrorType?
    /// A human-readable explanation.
    var detail: String
    /// Extra response headers (`Allow`, `WWW-Authenticate`).
    var headers: HTTPFields = [:]

    /// The error body.
    var body: JSONValue {
        var object: JSONObject = [
            "schemas": .array([.string(SCIMURN.error)]),
            "status": .string(String(status)),
            "detail": .string(detail),
        ]
        if let scimType { object["scimType"] = .string(scimType.rawValue) }
        return .object(object)
    }

    static func badRequest(_ type: ErrorType, _ detail: String) -> SCIMError {
        SCIMError(status: 400, scimType: type, detail: detail)
    }

    static func notFound(_ detail: String) -> SCIMError {
        SCIMError(status: 404, scimType: nil, detail: detail)
    }

    static func conflict(_ detail: String) -> SCIMError {
        SCIMError(status: 409, scimType: .uniqueness, detail: detail)
    }

    static func methodNotAllowed(_ method: String, allowed: [String], _ detail: String? = nil) -> SCIMError {
        SCIMError(
            status: 405, scimType: nil, detail: detail ?? "method \(method) is not allowed here",
            headers: [.allow: allowed.joined(separator: ", ")])
    }
}

/// The URNs the generic emulator speaks.
enum SCIMURN {
    static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    static let error = "urn:ietf:params:scim:api:messages:2.0:Error"
    static let listResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    static let searchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
    static let bulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
    static let bulkResponse = "urn:ietf:params:scim:api:messages:2.0:BulkResponse"
    static let serviceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
    static let resourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
    static let schema = "urn:ietf:params:scim:schemas:core:2.0:Schema"
}
