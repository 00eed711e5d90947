import Foundation
import HTTPTypes

extension Five9Service {
    /// The SCIM base path (five9.md §9: `https://api.five9.com/scim/v2`).
    static let scimPrefix = "/scim/v2"

    /// Answers one SCIM request: prefix, injected faults, Bearer token, then `/Users` or `/Groups`.
    func scim(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        stats.scimRequestsByMethod[request.method.rawValue, default: 0] += 1
        let target = request.path ?? "/"
        let path = String(target.prefix { $0 != "?" })
        guard path.hasPrefixIgnoringASCIICase(Self.scimPrefix),
            path.count == Self.scimPrefix.count || path.dropFirst(Self.scimPrefix.count).hasPrefix("/")
        else { return .scimError(.notFound("no SCIM endpoint at \(path)")) }
        let decision = faults.decide(method: request.method, path: path)
        if decision.latency > .zero { try? await clock.sleep(decision.latency) }
        if let (code, retryAfter) = decision.status {
            stats.injectedFaults += 1
            var error = SCIMError(status: code, scimType: nil, detail: "injected fault: HTTP \(code)")
            if let retryAfter { error.headers[.retryAfter] = String(retryAfter) }
            return .scimError(error)
        }
        if isClosed { return .scimError(SCIMError(status: 503, scimType: nil, detail: "the emulator is closed")) }
        if let refusal = authenticateSCIM(request) { return refusal }
        var relative = request
        relative.path = String(target.dropFirst(Self.scimPrefix.count))
        let scimRequest = SCIMRequest(relative, body: body, fallbackBase: Self.base(of: request))
        var response: EmulatorResponse
        do {
            response = try routeSCIM(scimRequest)
        } catch {
            response = .scimError(error)
        }
        if decision.dropResponse {
            response.dropConnection = true
            stats.droppedResponses += 1
        }
        return response
    }

    private static func base(of request: HTTPRequest) -> String {
        guard let authority = request.authority else { return scimPrefix }
        return "\(request.scheme ?? "http")://\(authority)\(scimPrefix)"
    }

    private func authenticateSCIM(_ request: HTTPRequest) -> EmulatorResponse? {
        let header = request.headerFields[.authorization] ?? ""
        let token: String? =
            header.hasPrefixIgnoringASCIICase("Bearer ")
            ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        guard token != config.scimToken else { return nil }
        var error = SCIMError(
            status: 401, scimType: nil,
            detail: token == nil ? "an Authorization: Bearer token is required" : "the Bearer token is not valid")
        error.headers[.wwwAuthenticate] = "Bearer realm=\"scim\""
        return .scimError(error)
    }

    private func routeSCIM(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let segments = request.segments
        guard let first = segments.first, segments.count <= 2 else {
            throw .notFound("no SCIM endpoint at /\(segments.joined(separator: "/"))")
        }
        let id = segments.count == 2 ? segments[1] : nil
        switch (first.lowercased(), request.method, id) {
        case ("users", .get, nil): return try listUsers(request)
        case ("users", .post, nil): return try createSCIMUser(request)
        case ("users", .get, let id?): return .scim(200, .object(renderUser(try scimUser(id), base: request.base)))
        case ("users", .put, let id?): return try replaceSCIMUser(id, request)
        case ("users", .patch, let id?): return try patchSCIMUser(id, request)
        case ("users", .delete, let id?):
            let userName = try scimUser(id).userName
            try commitSCIM(try domain { () throws(Five9Fault) in try store.deleteUser(userName) })
            return .scim(204, nil)
        case ("groups", .get, nil): return try listGroups(request)
        case ("groups", .post, nil): return try createSCIMGroup(request)
        case ("groups", .get, let id?): return .scim(200, .object(renderGroup(try scimGroup(id), base: request.base)))
        case ("groups", .put, let id?), ("groups", .patch, let id?): return try changeSCIMGroup(id, request)
        case ("groups", .delete, let id?):
            let name = try scimGroup(id).name
            try commitSCIM(try domain { () throws(Five9Fault) in try store.deleteAgentGroup(name) })
            return .scim(204, nil)
        case ("users", _, nil), ("groups", _, nil):
            throw .methodNotAllowed(request.method.rawValue, allowed: ["GET", "POST"])
        case ("users", _, _?), ("groups", _, _?):
            throw .methodNotAllowed(request.method.rawValue, allowed: ["GET", "PUT", "PATCH", "DELETE"])
        default:
            throw .notFound("no SCIM endpoint at /\(segments.joined(separator: "/"))")
        }
    }

    /// Runs a domain check, turning its fault into the SCIM error.
    func domain<T>(_ body: () throws(Five9Fault) -> T) throws(SCIMError) -> T {
        do {
            return try body()
        } catch {
            throw Five9SCIMMapping.error(error)
        }
    }

    /// Commits through the same journal as SOAP writes.
    func commitSCIM(_ mutations: [Five9Mutation]) throws(SCIMError) {
        try domain { () throws(Five9Fault) in try commit(mutations) }
    }

    /// The user with SCIM id `id`, or 404.
    func scimUser(_ id: String) throws(SCIMError) -> Five9User {
        guard let number = Int64(id), let user = store.user(id: number) else { throw .notFound("user \(id) not found") }
        return user
    }

    /// The group with SCIM id `id`, or 404.
    func scimGroup(_ id: String) throws(SCIMError) -> Five9AgentGroup {
        guard let number = Int64(id), let group = store.group(id: number) else {
            throw .notFound("group \(id) not found")
        }
        return group
    }

    func renderUser(_ user: Five9User, base: String) -> JSONObject {
        let groups = store.groupNames(of: user.userName).compactMap { store.groups[$0] }
        return Five9SCIMMapping.user(user, groups: groups, base: base)
    }

    func renderGroup(_ group: Five9AgentGroup, base: String) -> JSONObject {
        Five9SCIMMapping.group(group, userID: { self.store.users[$0]?.id }, base: base)
    }
}
