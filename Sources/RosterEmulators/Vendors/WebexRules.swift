import Foundation
import HTTPTypes

/// What Cisco Webex checks and adds when a resource is stored (`vendors/scim-vendors.md` §2; seed 002).
struct WebexRules: Sendable {
    /// The Cisco user extension URN.
    static let userURN = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
    /// The Cisco group extension URN.
    static let groupURN = "urn:scim:schemas:extension:cisco:webexidentity:2.0:Group"
    /// The values `userType` may take.
    static let userTypes: Set<String> = ["user", "room", "external_calling", "calling_service"]

    /// The Cisco user extension schema.
    static let userSchema = SCIMSchemaDefinition(
        id: userURN, name: "WebexUser", description: "Cisco Webex identity user", extends: .user,
        attributes: [
            .complex("accountStatus", multiValued: true, [.string("value")]).with(type: "string"),
            .complex("sipAddresses", multiValued: true, SCIMAttributeDefinition.multiValuedParts),
            .complex("managedOrgs", multiValued: true, [.string("orgId"), .string("role")]),
            .complex("managedGroups", multiValued: true, [.string("orgId"), .string("groupId"), .string("role")]),
            .complex("meta", mutability: "readOnly", [.string("organizationId", mutability: "readOnly")]),
        ]
            + (1...15).map {
                SCIMAttributeDefinition(name: "extensionAttribute\($0)", type: "string", multiValued: true)
            }
            + (1...15).map {
                .complex("externalAttribute\($0)", multiValued: true, [.string("source"), .string("value")])
            })

    /// The Cisco group extension schema.
    static let groupSchema = SCIMSchemaDefinition(
        id: groupURN, name: "WebexGroup", description: "Cisco Webex identity group", extends: .group,
        attributes: [
            .string("usage"), .string("provisionSource"),
            .complex("owners", multiValued: true, [.string("value")]),
            .complex(
                "managedBy", multiValued: true, [.string("orgId"), .string("type"), .string("id"), .string("role")]),
            .complex("meta", mutability: "readOnly", [.string("organizationId", mutability: "readOnly")]),
        ])

    /// The org's UUID, written to the extension's read-only `meta.organizationId`.
    var orgID: String

    /// Checks `userType` on create and the primary work email, and stamps the org id.
    func willStore(_ kind: ResourceKind, _ resource: inout JSONObject, _ old: JSONObject?) throws {
        let urn = kind == .user ? Self.userURN : Self.groupURN
        if kind == .user {
            if old == nil || resource["userType"] != nil {
                let type = resource["userType"]?.stringValue ?? ""
                guard Self.userTypes.contains(type) else {
                    throw SCIMError.badRequest(
                        .invalidValue, "userType must be one of \(Self.userTypes.sorted().joined(separator: ", "))")
                }
            }
            try Self.checkPrimaryWorkEmail(resource)
        }
        var ext = resource[urn]?.objectValue ?? [:]
        ext["meta"] = ["organizationId": .string(orgID)]
        resource[urn] = .object(ext)
        var schemas = resource["schemas"]?.arrayValue ?? []
        if !schemas.contains(.string(urn)) { schemas.append(.string(urn)) }
        resource["schemas"] = .array(schemas)
    }

    /// A manager that is set or changed must be the id of a user of this org ("the manager must be in the same
    /// org"); Webex reads `displayName` and `$ref` itself.
    static func checkManager(
        _ kind: ResourceKind, _ resource: JSONObject, _ old: JSONObject?, _ users: ResourceTable
    ) throws {
        guard kind == .user, let manager = EnterpriseManager.changedID(resource, old), users[manager] == nil else {
            return
        }
        throw SCIMError.badRequest(.invalidValue, "manager '\(manager)' is not the id of a user in this organization")
    }

    /// A work email marked primary must equal `userName`.
    private static func checkPrimaryWorkEmail(_ user: JSONObject) throws(SCIMError) {
        let userName = user["userName"]?.stringValue ?? ""
        for email in user["emails"]?.arrayValue ?? [] {
            guard let object = email.objectValue, object["type"]?.stringValue?.lowercased() == "work",
                object["primary"] == true
            else { continue }
            if object["value"]?.stringValue?.lowercased() != userName.lowercased() {
                throw .badRequest(.invalidValue, "the primary work email must equal userName")
            }
        }
    }

    /// Refuses what Webex refuses before routing: a user POST without the core schema, and bulk requests with
    /// `PUT` operations or `failOnErrors` outside 1–100.
    static func willRoute(_ request: SCIMRequest) throws {
        guard request.method == .post, request.segments.count == 1 else { return }
        switch request.segments[0].lowercased() {
        case "users":
            let schemas = (try? request.jsonObject())?[scim: "schemas"]?.arrayValue ?? []
            guard schemas.contains(.string(SCIMURN.user)) else {
                throw SCIMError.badRequest(.invalidValue, "schemas must include \(SCIMURN.user)")
            }
        case "bulk":
            guard let body = try? request.jsonObject() else { return }
            if let fail = body[scim: "failOnErrors"]?.numberValue, !(1...100).contains(fail) {
                throw SCIMError.badRequest(.invalidValue, "failOnErrors must be 1–100")
            }
            for operation in body[scim: "Operations"]?.arrayValue ?? [] {
                let method = operation.objectValue?[scim: "method"]?.stringValue?.uppercased() ?? ""
                guard ["POST", "PATCH", "DELETE"].contains(method) else {
                    throw SCIMError.badRequest(
                        .invalidValue, "bulk operations may be POST, PATCH or DELETE, not \(method)")
                }
            }
        default:
            return
        }
    }
}

extension SCIMAttributeDefinition {
    /// The same definition with another type (a multi-valued simple attribute such as `accountStatus`).
    fileprivate func with(type: String) -> Self {
        var copy = self
        copy.type = type
        copy.subAttributes = []
        return copy
    }
}
