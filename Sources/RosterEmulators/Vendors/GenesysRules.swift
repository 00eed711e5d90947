/// What Genesys Cloud checks and adds when a user is stored (`vendors/scim-vendors.md` §1; seed 003).
struct GenesysRules: Sendable {
    /// The Genesys user extension URN.
    static let urn = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User"
    /// The authority of the immutable external id Genesys adds.
    static let ownAuthority = "x-pc:scimv2:v1"
    /// The Genesys extension schema (`routingSkills`, `routingLanguages`, `externalIds`).
    static let schema = SCIMSchemaDefinition(
        id: urn, name: "GenesysUser", description: "Genesys Cloud User", extends: .user,
        attributes: [
            .complex("routingSkills", multiValued: true, [.string("name"), .simple("proficiency", type: "decimal")]),
            .complex(
                "routingLanguages", multiValued: true, [.string("name"), .simple("proficiency", type: "decimal")]),
            .complex("externalIds", multiValued: true, [.string("authority"), .string("value")]),
        ])

    /// Division names; the first is the default division.
    var divisions: [String]
    /// Role names.
    var roles: Set<String>
    /// Routing skill names (case-sensitive).
    var skills: Set<String>
    /// Routing language names (case-sensitive).
    var languages: Set<String>

    /// Checks a user against the catalog and adds what Genesys derives (the `other` email, the own external id,
    /// the default division).
    func willStore(_ kind: ResourceKind, _ user: inout JSONObject, _ old: JSONObject?, _ users: ResourceTable) throws {
        guard kind == .user else { return }
        guard user["displayName"]?.stringValue?.isEmpty == false else {
            throw SCIMError.badRequest(.invalidValue, "displayName is required")
        }
        user["emails"] = Self.emails(user["emails"], userName: user["userName"]?.stringValue ?? "")
        for role in user["roles"]?.arrayValue ?? [] {
            let name = role.objectValue?["value"]?.stringValue ?? ""
            guard roles.contains(name) else {
                throw SCIMError.badRequest(.invalidValue, "role '\(name)' does not exist")
            }
        }
        try checkEnterprise(&user, old, users)
        var ext = user[Self.urn]?.objectValue ?? [:]
        try Self.checkRouting(ext["routingSkills"], "routingSkills", against: skills)
        try Self.checkRouting(ext["routingLanguages"], "routingLanguages", against: languages)
        ext["externalIds"] = Self.externalIDs(ext["externalIds"], user: user, old: old)
        user[Self.urn] = ext.isEmpty ? nil : .object(ext)
        user["schemas"] = Self.schemas(of: user)
    }

    /// The division must exist (the default one when missing); a manager that is set or changed must be an existing
    /// user's id (one kept from before stays, even when that user is gone).
    private func checkEnterprise(
        _ user: inout JSONObject, _ old: JSONObject?, _ users: ResourceTable
    )
        throws(SCIMError)
    {
        let urn = SCIMURN.enterpriseUser
        var ext = user[urn]?.objectValue ?? [:]
        let division = ext["division"]?.stringValue ?? divisions.first
        if let division {
            guard divisions.contains(division) else {
                throw .badRequest(.invalidValue, "division '\(division)' does not exist")
            }
            ext["division"] = .string(division)
        }
        if let manager = EnterpriseManager.changedID(user, old), users[manager] == nil {
            throw .badRequest(.invalidValue, "manager '\(manager)' is not the id of a user")
        }
        user[urn] = ext.isEmpty ? nil : .object(ext)
    }

    /// Names must exist, proficiency is 0–5, at most 50 entries.
    private static func checkRouting(_ value: JSONValue?, _ attribute: String, against catalog: Set<String>) throws {
        let entries = value?.arrayValue ?? []
        guard entries.count <= 50 else { throw SCIMError.badRequest(.invalidValue, "\(attribute) has over 50 entries") }
        for entry in entries {
            let name = entry.objectValue?["name"]?.stringValue ?? ""
            guard catalog.contains(name) else {
                throw SCIMError.badRequest(.invalidValue, "\(attribute): '\(name)' does not exist")
            }
            if let proficiency = entry.objectValue?["proficiency"], !(0...5).contains(proficiency.numberValue ?? -1) {
                throw SCIMError.badRequest(.invalidValue, "\(attribute): proficiency of '\(name)' must be 0.0–5.0")
            }
        }
    }

    /// Emails of type `work` as sent, plus the read-only `other` one equal to `userName`.
    private static func emails(_ value: JSONValue?, userName: String) -> JSONValue {
        let kept = (value?.arrayValue ?? []).filter { $0.objectValue?["type"]?.stringValue?.lowercased() != "other" }
        return .array(kept + [["type": "other", "value": .string(userName), "primary": true]])
    }

    /// Client external ids plus the immutable own one (kept from `old`, else mirrored from `externalId`).
    private static func externalIDs(_ value: JSONValue?, user: JSONObject, old: JSONObject?) -> JSONValue? {
        let isOwn = { (entry: JSONValue) in
            entry.objectValue?["authority"]?.stringValue?.hasPrefix(ownAuthority) == true
        }
        var list = (value?.arrayValue ?? []).filter { !isOwn($0) }
        let previous = old?[urn]?.objectValue?["externalIds"]?.arrayValue?.first(where: isOwn)
        if let own = previous ?? user["externalId"].map({ ["authority": .string(ownAuthority), "value": $0] }) {
            list.append(own)
        }
        return list.isEmpty ? nil : .array(list)
    }

    private static func schemas(of user: JSONObject) -> JSONValue {
        let extensions = user.keys.filter { $0.hasPrefix("urn:") && user[$0]?.objectValue != nil }.sorted()
        return .array(([SCIMURN.user] + extensions).map(JSONValue.string))
    }
}
