/// What Talkdesk checks when a user is stored (`vendors/scim-vendors.md` §3; seed 004).
struct TalkdeskRules: Sendable {
    /// The Talkdesk extension URN.
    static let urn = "urn:ietf:params:scim:schemas:extension:talkdesk:2.0:User"
    /// The Talkdesk extension schema (`rolesString`, `teamsString`).
    static let schema = SCIMSchemaDefinition(
        id: urn, name: "TalkdeskUser", description: "Talkdesk User", extends: .user,
        attributes: [.string("rolesString"), .string("teamsString")])

    /// Role names that exist; empty accepts any.
    var roles: Set<String>
    /// Team names that exist; empty accepts any.
    var teams: Set<String>
    /// Licences in the account; nil means unlimited.
    var licences: Int?

    /// Checks a user about to be stored; a create without a free licence is stored deactivated.
    func willStore(_ kind: ResourceKind, _ user: inout JSONObject, _ old: JSONObject?, _ users: ResourceTable) throws {
        guard kind == .user else { return }
        let userName = user["userName"]?.stringValue ?? ""
        guard Self.looksLikeEmail(userName) else {
            throw SCIMError.badRequest(.invalidValue, "userName must be an email address, not '\(userName)'")
        }
        let name = user["name"]?.objectValue
        for part in ["givenName", "familyName"] where name?[part]?.stringValue?.isEmpty ?? true {
            throw SCIMError.badRequest(.invalidValue, "name.\(part) is required")
        }
        let ext = user[Self.urn]?.objectValue
        try Self.check(ext?["rolesString"], "rolesString", against: roles)
        try Self.check(ext?["teamsString"], "teamsString", against: teams)
        if old == nil, user["active"] == true, let licences, Self.activeCount(users) >= licences {
            user["active"] = false
        }
    }

    /// Users holding a licence (active ones).
    static func activeCount(_ users: ResourceTable) -> Int {
        users.all.filter { $0["active"] == true }.count
    }

    /// A plausible email address: one `@`, a local part, and a dotted domain.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// A semicolon-separated list of names: no empty names, each one known when a catalog is given.
    private static func check(_ value: JSONValue?, _ attribute: String, against catalog: Set<String>) throws {
        guard let value else { return }
        guard case .string(let text) = value else {
            throw SCIMError.badRequest(.invalidValue, "\(attribute) must be a semicolon-separated string")
        }
        for name in text.split(separator: ";", omittingEmptySubsequences: false).map(String.init) {
            guard !name.isEmpty else {
                throw SCIMError.badRequest(.invalidValue, "\(attribute) '\(text)' has an empty name")
            }
            guard catalog.isEmpty || catalog.contains(name) else {
                throw SCIMError.badRequest(.invalidValue, "\(attribute): '\(name)' does not exist")
            }
        }
    }
}
