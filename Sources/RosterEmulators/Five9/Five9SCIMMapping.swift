/// How Five9 users and agent groups look through SCIM (five9.md §9 and the seed: Users; Groups = agent groups).
///
/// Not verified against Five9: `id` is the user's (group's) numeric id as a string; `userName`, `name`,
/// `displayName` (the derived full name, read-only), one work `emails` entry (`EMail`), `active`, `locale`,
/// `externalId` (SCIM-only), `roles` (`userRoleType` values, read-only), `groups`; a group's `displayName` is
/// its name and its `members` are users.
enum Five9SCIMMapping {
    /// A user resource.
    static func user(_ user: Five9User, groups: [Five9AgentGroup], base: String) -> JSONObject {
        let id = String(user.id)
        var name: JSONObject = [:]
        name["givenName"] = user.general.firstName.map(JSONValue.string)
        name["familyName"] = user.general.lastName.map(JSONValue.string)
        name["formatted"] = user.general.fullName.map(JSONValue.string)
        var object: JSONObject = [
            "schemas": [.string(SCIMURN.user)], "id": .string(id), "userName": .string(user.userName),
            "active": .bool(user.active),
            "meta": ["resourceType": "User", "location": .string("\(base)/Users/\(id)")],
        ]
        if !name.isEmpty { object["name"] = .object(name) }
        object["displayName"] = user.general.fullName.map(JSONValue.string)
        if let email = user.general.email {
            object["emails"] = [["value": .string(email), "type": "work", "primary": true]]
        }
        object["locale"] = user.general.locale.map(JSONValue.string)
        object["externalId"] = user.externalId.map(JSONValue.string)
        object["roles"] = .array(user.roles.kinds.map { ["value": .string($0.roleType)] })
        if !groups.isEmpty {
            object["groups"] = .array(
                groups.map { group in
                    [
                        "value": .string(String(group.id)), "display": .string(group.name),
                        "$ref": .string("\(base)/Groups/\(group.id)"),
                    ]
                })
        }
        return object
    }

    /// A group resource with its members.
    static func group(_ group: Five9AgentGroup, userID: (String) -> Int64?, base: String) -> JSONObject {
        let id = String(group.id)
        var object: JSONObject = [
            "schemas": [.string(SCIMURN.group)], "id": .string(id), "displayName": .string(group.name),
            "meta": ["resourceType": "Group", "location": .string("\(base)/Groups/\(id)")],
        ]
        let members: [JSONValue] = group.agents.compactMap { name in
            guard let userID = userID(name) else { return nil }
            return [
                "value": .string(String(userID)), "display": .string(name), "$ref": .string("\(base)/Users/\(userID)"),
            ]
        }
        if !members.isEmpty { object["members"] = .array(members) }
        return object
    }

    /// Lays the SCIM attributes of `body` over `user` (a full replace of the attributes SCIM maps: those left
    /// out are cleared, `active` defaults to true).
    ///
    /// - Throws: 400 `mutability` if `userName` differs from the stored one, `invalidValue` for wrong types.
    static func apply(_ body: JSONObject, to user: inout Five9User) throws(SCIMError) {
        guard case .string(let userName)? = body[scim: "userName"], !userName.isEmpty else {
            throw .badRequest(.invalidValue, "userName is required and must be a non-empty string")
        }
        if !user.userName.isEmpty, userName != user.userName {
            throw .badRequest(.mutability, "userName cannot change after the user is created")
        }
        user.general[.userName] = userName
        let name = body[scim: "name"]?.objectValue ?? [:]
        user.general[.firstName] = try string(name[scim: "givenName"], "name.givenName")
        user.general[.lastName] = try string(name[scim: "familyName"], "name.familyName")
        user.general.deriveFullName()
        user.general[.eMail] = try email(body[scim: "emails"])
        user.general[.locale] = try string(body[scim: "locale"], "locale")
        switch body[scim: "active"] {
        case nil, .null?: user.general[.active] = "true"
        case .bool(let active)?: user.general[.active] = String(active)
        case let other?: throw .badRequest(.invalidValue, "active must be true or false, not \(other.typeName)")
        }
        user.externalId = try string(body[scim: "externalId"], "externalId")
    }

    /// The role kinds a create names in `roles` (`[{"value": "Agent"}]`); the Agent role when it names none.
    static func roles(_ value: JSONValue?) throws(SCIMError) -> [Five9RoleKind] {
        let entries = value?.arrayValue ?? []
        var kinds: [Five9RoleKind] = []
        for entry in entries {
            let text = entry.objectValue?[scim: "value"]?.stringValue ?? entry.stringValue
            guard let kind = Five9JSONReader.roleKind(text) ?? text.flatMap(Five9RoleKind.init(roleType:)) else {
                throw .badRequest(
                    .invalidValue, "roles: '\(text ?? "?")' is not Agent, Supervisor, DomainAdmin, Reporting")
            }
            kinds.append(kind)
        }
        return kinds.isEmpty ? [.agent] : kinds
    }

    private static func string(_ value: JSONValue?, _ attribute: String) throws(SCIMError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case let other?: throw .badRequest(.invalidValue, "\(attribute) must be a string, not \(other.typeName)")
        }
    }

    /// The primary (else the first) email's value.
    private static func email(_ value: JSONValue?) throws(SCIMError) -> String? {
        guard let value, value != .null else { return nil }
        guard case .array(let list) = value else { throw .badRequest(.invalidValue, "emails must be an array") }
        let entries = list.compactMap(\.objectValue)
        let chosen = entries.first { $0[scim: "primary"] == .bool(true) } ?? entries.first
        return try string(chosen?[scim: "value"], "emails.value")
    }

    /// The SCIM error for a domain fault.
    static func error(_ fault: Five9Fault) -> SCIMError {
        switch fault.name {
        case "UserAlreadyExistsFault", "ObjectAlreadyExistsFault": .conflict(fault.message)
        case "UserNotFoundFault", "ObjectNotFoundFault": .notFound(fault.message)
        case "UserCantBeDeletedFault": SCIMError(status: 409, scimType: nil, detail: fault.message)
        case "ServerFault": SCIMError(status: 500, scimType: nil, detail: fault.message)
        default: .badRequest(.invalidValue, fault.message)
        }
    }
}
