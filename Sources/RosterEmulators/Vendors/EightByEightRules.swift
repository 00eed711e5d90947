/// What 8x8 checks when a user is stored (`vendors/scim-vendors.md` §4; seed 001).
struct EightByEightRules: Sendable {
    /// The 8x8 extension URN.
    static let urn = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User"
    /// The 8x8 extension schema (`site`).
    static let schema = SCIMSchemaDefinition(
        id: urn, name: "8x8User", description: "8x8 User", extends: .user, attributes: [.string("site")])

    /// Site names that exist in the Admin Console; empty accepts any.
    var sites: Set<String>

    /// Checks and completes a user about to be stored; `old` is nil on create.
    func willStore(_ kind: ResourceKind, _ user: inout JSONObject, _ old: JSONObject?) throws {
        guard kind == .user else { return }
        try checkName(user)
        user["emails"] = try singleWorkEmail(user["emails"])
        user["phoneNumbers"] = Self.phoneNumbers(user["phoneNumbers"])
        if let old { try keepWriteOnce(&user, old) }
        if let site = user[Self.urn]?.objectValue?["site"]?.stringValue, !sites.isEmpty, !sites.contains(site) {
            throw SCIMError.badRequest(.invalidValue, "site '\(site)' does not exist")
        }
    }

    private func checkName(_ user: JSONObject) throws(SCIMError) {
        let name = user["name"]?.objectValue
        for part in ["givenName", "familyName"] where name?[part]?.stringValue?.isEmpty ?? true {
            throw .badRequest(.invalidValue, "name.\(part) is required")
        }
    }

    /// Exactly one email, of type work; `primary` is ignored and stored as true.
    private func singleWorkEmail(_ value: JSONValue?) throws(SCIMError) -> JSONValue {
        let emails = value?.arrayValue ?? []
        guard emails.count == 1, var email = emails[0].objectValue, email["value"]?.stringValue != nil else {
            throw .badRequest(.invalidValue, "exactly one work email is required, not \(emails.count)")
        }
        guard email["type"]?.stringValue?.lowercased() ?? "work" == "work" else {
            throw .badRequest(.invalidValue, "the email must have type work")
        }
        email["type"] = "work"
        email["primary"] = true
        return .array([.object(email)])
    }

    /// A mobile number is forced primary, a work number forced non-primary.
    private static func phoneNumbers(_ value: JSONValue?) -> JSONValue? {
        guard let list = value?.arrayValue else { return value }
        return .array(
            list.map { entry in
                guard var phone = entry.objectValue else { return entry }
                switch phone["type"]?.stringValue?.lowercased() {
                case "mobile": phone["primary"] = true
                case "work": phone["primary"] = false
                default: break
                }
                return .object(phone)
            })
    }

    /// `userName` never changes; `site` never changes once set (and is kept when a PUT leaves it out).
    private func keepWriteOnce(_ user: inout JSONObject, _ old: JSONObject) throws(SCIMError) {
        if user["userName"] != old["userName"] {
            throw .badRequest(.mutability, "userName cannot change after the user is created")
        }
        guard let oldSite = old[Self.urn]?.objectValue?["site"] else { return }
        var ext = user[Self.urn]?.objectValue ?? [:]
        if let newSite = ext["site"], newSite != oldSite {
            throw .badRequest(.mutability, "site cannot change once set; change it in the Admin Console")
        }
        ext["site"] = oldSite
        user[Self.urn] = .object(ext)
        if var schemas = user["schemas"]?.arrayValue, !schemas.contains(.string(Self.urn)) {
            schemas.append(.string(Self.urn))
            user["schemas"] = .array(schemas)
        }
    }
}
