import HTTPTypes

extension SCIMEmulator {
    /// Sends a request to its endpoint.
    ///
    /// Path segments are matched ignoring case (Genesys writes `/users`).
    func route(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        guard let first = request.segments.first else { throw .notFound("no SCIM endpoint at /") }
        let rest = Array(request.segments.dropFirst())
        switch first.lowercased() {
        case "users":
            return try routeResource(.user, rest, request)
        case "groups" where options.groups != .none:
            return try routeResource(.group, rest, request)
        case "serviceproviderconfig" where rest.isEmpty:
            try only(.get, request)
            return .scim(200, serviceProviderConfig(base: request.base))
        case "resourcetypes" where rest.count <= 1:
            try only(.get, request)
            return .scim(200, try resourceTypes(rest.first, base: request.base))
        case "schemas" where rest.count <= 1:
            try only(.get, request)
            return .scim(200, try schemas(rest.first, base: request.base))
        case "bulk" where rest.isEmpty && options.bulkMaxOperations != nil:
            try only(.post, request)
            return try bulk(request)
        default:
            throw .notFound("no SCIM endpoint at /\(request.segments.joined(separator: "/"))")
        }
    }

    private func only(_ method: HTTPRequest.Method, _ request: SCIMRequest) throws(SCIMError) {
        guard request.method == method else {
            throw .methodNotAllowed(request.method.rawValue, allowed: [method.rawValue])
        }
    }

    private func routeResource(
        _ kind: ResourceKind, _ rest: [String], _ request: SCIMRequest
    ) throws(SCIMError)
        -> EmulatorResponse
    {
        let method = request.method
        switch rest.count {
        case 0:
            switch method {
            case .get: return try list(kind, request)
            case .post: return try create(kind, request)
            default: throw .methodNotAllowed(method.rawValue, allowed: ["GET", "POST"])
            }
        case 1 where rest[0] == ".search":
            try only(.post, request)
            return try search(kind, request)
        case 1:
            switch method {
            case .get: return try get(kind, id: rest[0], request)
            case .put: return try replace(kind, id: rest[0], request)
            case .patch: return try patch(kind, id: rest[0], request)
            case .delete: return try delete(kind, id: rest[0], request)
            default: throw .methodNotAllowed(method.rawValue, allowed: ["GET", "PUT", "PATCH", "DELETE"])
            }
        default:
            throw .notFound("no SCIM endpoint at /\(request.segments.joined(separator: "/"))")
        }
    }
}
