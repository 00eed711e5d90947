import RosterModel
import RosterPlanner

/// Small builders for planner tests.
enum Fixture {
    static let caps = ProviderCapabilities(
        attributes: [
            Attribute.givenName, Attribute.familyName, Attribute.displayName, Attribute.title, Attribute.roles,
        ],
        adminRoles: ["admin"])

    static func user(
        _ name: String, active: Bool = true, owned: Bool = false, title: String? = nil, roles: [String]? = nil
    ) -> User {
        var attributes: AttributeMap = [Attribute.givenName: .string(name.uppercased())]
        if let title { attributes[Attribute.title] = .string(title) }
        if let roles { attributes[Attribute.roles] = .list(roles) }
        return User(
            userName: name, externalId: owned ? Ownership.marker(for: name) : nil, active: active,
            attributes: attributes)
    }

    static func live(
        _ users: [User], groups: [Group] = [], skills: [String] = [], catalog: [String: [String]] = [:]
    ) -> LiveResources {
        LiveResources(
            users: users.map { LiveObject(id: "id-\($0.key)", value: $0) },
            groups: groups.map { LiveObject(id: "g-\($0.name)", value: $0) },
            skills: skills.map { LiveObject(id: "s-\($0)", value: Skill(name: $0)) }, catalog: catalog)
    }

    static func plan(
        desired: ProviderResources, live: LiveResources, caps: ProviderCapabilities = caps,
        policy: ProviderPolicy = ProviderPolicy(), pace: Pace? = nil
    ) -> Plan {
        let provider = ProviderConfig(name: "corp", type: .scim, endpoint: "emulator:", policy: policy, pace: pace)
        return Planner().plan(
            desired: DesiredState(providers: [provider], resources: ["corp": desired]),
            live: LiveState(providers: ["corp": live]), capabilities: ["corp": caps])
    }
}
