import RosterModel

/// Five9's roles as roster names them (the manifest's `agent`, `supervisor`, `admin`, `reporting`) and as
/// `modifyUser.rolesToRemove` names them (`userRoleType`; the admin role is `DomainAdmin`, five9.md §3.3).
///
/// `crmManager` has no permissions and no manifest name: roster neither reports nor removes it.
enum Five9RoleName {
    /// roster name → `userRoleType`.
    static let roleTypes: [String: String] = [
        "admin": "DomainAdmin", "agent": "Agent", "reporting": "Reporting", "supervisor": "Supervisor",
    ]

    /// Every role roster manages, sorted.
    static let all = roleTypes.keys.sorted()
}

/// Where roster keeps its ownership marker on a Five9 user created through SOAP.
///
/// `userGeneralInfo` has no `externalId`. `osLogin` is the one field the reference marks "do not use" that the
/// service still carries, so nothing in Five9 reads it; `federationId` (SSO) and `unifiedCommunicationId` (UC) are
/// in use elsewhere. Users created through SCIM carry the marker in SCIM `externalId` instead.
enum Five9Ownership {
    /// The marker of a live user, if it carries roster's.
    static func marker(of info: Five9Wire.UserGeneralInfo?) -> String? {
        info?.osLogin.flatMap { Ownership.isOwned($0) ? $0 : nil }
    }
}

extension Five9Wire.UserInfo {
    /// The user in roster's vocabulary (id = Five9 userName); nil without a userName.
    ///
    /// - Parameter externalId: The SCIM `externalId` when the SCIM lifecycle is on; otherwise the `osLogin` marker.
    func toModel(externalId: String? = nil) -> LiveObject<User>? {
        guard let general = generalInfo, let userName = general.userName, !userName.isEmpty else { return nil }
        var attributes: AttributeMap = [:]
        func set(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { attributes[name] = .string(value) }
        }
        set(Attribute.givenName, general.firstName)
        set(Attribute.familyName, general.lastName)
        set(Attribute.email, general.email)
        set(Attribute.locale, general.locale)
        attributes[Attribute.roles] = .list(roles?.names ?? [])
        var levels: [String: Int] = [:]
        for skill in skills ?? [] { if let name = skill.skillName { levels[name] = skill.level } }
        attributes[Attribute.skills] = .levels(levels)
        let user = User(
            userName: userName, externalId: externalId ?? Five9Ownership.marker(of: general),
            active: general.active ?? true, attributes: attributes)
        return LiveObject(id: userName, value: user)
    }
}

extension Five9Wire.UserRoles {
    /// The roster names of the roles present, sorted.
    var names: [String] {
        var names: [String] = []
        if admin != nil { names.append("admin") }
        if agent != nil { names.append("agent") }
        if reporting != nil { names.append("reporting") }
        if supervisor != nil { names.append("supervisor") }
        return names
    }

    /// Roles granting `names` with their default permissions (an empty role element, five9.md §4.1).
    init(granting names: some Sequence<String>) {
        self.init()
        for name in names {
            switch name {
            case "admin": admin = Five9Wire.Role()
            case "agent": agent = Five9Wire.AgentRole()
            case "reporting": reporting = Five9Wire.Role()
            case "supervisor": supervisor = Five9Wire.Role()
            default: break
            }
        }
    }
}

extension Five9Wire.UserGeneralInfo {
    /// General info for `createUser`: the user's names, email, locale and state, roster's marker, and an initial
    /// password the user must change.
    init(creating user: User, password: Credential) {
        self.init(userName: user.userName)
        active = user.active
        osLogin = user.externalId
        self.password = Five9Wire.Password(password)
        mustChangePassword = true
        set(user.attributes)
    }

    /// The general info to send back in a `modifyUser`: what was read, minus what the service derives or never
    /// returns (`fullName`, `password`).
    var forModify: Five9Wire.UserGeneralInfo {
        var copy = self
        copy.fullName = nil
        copy.password = nil
        return copy
    }

    /// Sets the canonical attributes Five9 holds; others are ignored.
    mutating func set(_ attributes: AttributeMap) {
        for (name, value) in attributes { set(name, value) }
    }

    /// Sets one canonical attribute (nil clears it); returns whether Five9 holds it.
    @discardableResult
    mutating func set(_ name: String, _ value: AttributeValue?) -> Bool {
        let text: String? = if case .string(let string) = value { string } else { nil }
        switch name {
        case Attribute.givenName: firstName = text
        case Attribute.familyName: lastName = text
        case Attribute.email: email = text
        case Attribute.locale: locale = text
        case "active": active = if case .bool(let flag) = value { flag } else { active }
        // Roster's ownership marker (adoption): `osLogin` holds it on users managed through SOAP.
        case "externalId": osLogin = text
        default: return false
        }
        return true
    }
}
