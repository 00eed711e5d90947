public import Foundation
public import HTTPTypes

/// The Cisco Webex SCIM service: `VendorSCIMHandler` plus Webex's group member paging.
///
/// `GET /Groups/{id}/Members` pages a group's members (`startIndex`, `count` ≤ 500, default 500, `memberType`);
/// `GET /Groups/{id}` returns at most 500 members; a group list leaves members out unless `includeMembers=true`.
public struct WebexSCIMHandler: EmulatorHandler {
    /// The most members one answer holds.
    public static let memberPageLimit = 500

    /// The mounted emulator.
    public let inner: VendorSCIMHandler
    let mount: VendorMount

    /// The emulator behind the prefix (store, stats, fault injection).
    public var scim: SCIMEmulator { inner.scim }

    /// Answers one request whose path includes the `/identity/scim/{orgId}/v2` prefix.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        guard case .success(let (prefix, rest)) = mount.split(request.path ?? "/") else {
            return await inner.handle(request, body: body)
        }
        var relative = request
        relative.path = rest
        let parts = SCIMRequest(relative, body: Data(), fallbackBase: nil)
        let isGroups = parts.segments.first?.equalsIgnoringASCIICase("Groups") == true
        if isGroups, parts.segments.count == 3, parts.segments[2].equalsIgnoringASCIICase("Members") {
            guard request.method == .get else {
                return .scimError(.methodNotAllowed(request.method.rawValue, allowed: ["GET"]))
            }
            var groupRequest = request
            groupRequest.path = "\(prefix)/Groups/\(parts.segments[1])"
            let group = await inner.handle(groupRequest, body: Data())
            guard group.head.status.code == 200 else { return group }
            return Self.memberPage(group, query: parts.query)
        }
        let response = await inner.handle(request, body: body)
        guard isGroups, request.method == .get, response.head.status.code == 200, parts.segments.count <= 2 else {
            return response
        }
        let includeMembers = parts.segments.count == 2 || parts.query["includemembers"]?.lowercased() == "true"
        return Self.trimmingMembers(response, include: includeMembers)
    }

    /// One page of the members of the group in `response`.
    private static func memberPage(_ response: EmulatorResponse, query: [String: String]) -> EmulatorResponse {
        let group = (try? JSONParser.parse(response.body))?.objectValue ?? [:]
        var members = group["members"]?.arrayValue ?? []
        if let type = query["membertype"] {
            members = members.filter { $0.objectValue?["type"]?.stringValue?.equalsIgnoringASCIICase(type) == true }
        }
        let start = max(1, query["startindex"].flatMap(Int.init) ?? 1)
        let count = min(max(0, query["count"].flatMap(Int.init) ?? memberPageLimit), memberPageLimit)
        let page = Array(members.dropFirst(start - 1).prefix(count))
        let body: JSONObject = [
            "schemas": [.string(SCIMURN.listResponse)], "totalResults": .number(Double(members.count)),
            "startIndex": .number(Double(start)), "itemsPerPage": .number(Double(page.count)),
            "Resources": .array(page),
        ]
        return .scim(200, .object(body))
    }

    /// The group (or list of groups) with members capped at 500, or left out.
    private static func trimmingMembers(_ response: EmulatorResponse, include: Bool) -> EmulatorResponse {
        guard var body = (try? JSONParser.parse(response.body))?.objectValue else { return response }
        let trim = { (group: JSONValue) -> JSONValue in
            guard var object = group.objectValue else { return group }
            if include, let members = object["members"]?.arrayValue {
                object["members"] = .array(Array(members.prefix(memberPageLimit)))
            } else if !include {
                object["members"] = nil
            }
            return .object(object)
        }
        if let resources = body["Resources"]?.arrayValue {
            body["Resources"] = .array(resources.map(trim))
        } else {
            body = trim(.object(body)).objectValue ?? body
        }
        var trimmed = response
        trimmed.body = JSONValue.object(body).serialized
        return trimmed
    }
}
