import RosterModel
import RosterYAML

extension ManifestWriter {
    typealias Node = YAMLEmitter.Node

    /// Identity keys in the order the manifest spec lists them.
    static let identityOrder = [
        Attribute.givenName, Attribute.familyName, Attribute.displayName, Attribute.email, Attribute.title,
        Attribute.department, Attribute.locale, Attribute.timezone, Attribute.phone,
    ]
    /// Account keys in the order they are written.
    static let accountOrder = [
        Attribute.division, Attribute.site, Attribute.roles, Attribute.skills, Attribute.languages, Attribute.teams,
    ]

    /// One person as a `people` item: identity once, profiles, then one flow mapping per account.
    ///
    /// An account with nothing of its own on a provider a profile covers is left out (the profile already puts the
    /// person there).
    static func person(_ person: ImportedPerson, profileProviders: Set<String>) -> Node {
        var pairs: [(String, Node)] = [("userName", .string(person.userName))]
        for key in identityOrder {
            if let value = person.identity[key] { pairs.append((key, .string(value))) }
        }
        if let manager = person.manager { pairs.append(("manager", .string(manager))) }
        if !person.profiles.isEmpty { pairs.append(("profiles", .flowList(person.profiles))) }
        var accounts: [(String, Node)] = []
        for (provider, account) in person.accounts.sorted(by: { $0.key < $1.key }) {
            let empty = account.userName == nil && account.active == nil && account.settings.isEmpty
            if empty && profileProviders.contains(provider) { continue }
            accounts.append((provider, Self.account(account)))
        }
        if !accounts.isEmpty { pairs.append(("accounts", .block(accounts))) }
        return .block(pairs)
    }

    /// `{userName: x, active: false, roles: [a], skills: {Sales: 3}}`.
    static func account(_ account: ImportedAccount) -> Node {
        var pairs: [(String, Node)] = []
        if let userName = account.userName { pairs.append(("userName", .string(userName))) }
        if let active = account.active { pairs.append(("active", .bool(active))) }
        pairs += settings(account.settings)
        return .flow(pairs)
    }

    /// Account settings in the written order.
    static func settings(_ settings: [String: AttributeValue]) -> [(String, Node)] {
        accountOrder.compactMap { key in settings[key].map { (key, value($0)) } }
    }

    /// A setting's value: a string, `[a, b]`, or `{name: level}` sorted by name.
    static func value(_ value: AttributeValue) -> Node {
        switch value {
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .list(let names): .flowList(names.sorted())
        case .levels(let levels): .flow(levels.sorted { $0.key < $1.key }.map { ($0.key, Node.int($0.value)) })
        }
    }

    /// `name: {provider: {settings}}`.
    static func profile(_ profile: ImportedProfile) -> (String, Node) {
        (profile.name, .block([(profile.provider, .flow(settings(profile.settings)))]))
    }

    /// A `groups` item: name, `on`, and members one per line.
    static func group(_ group: ImportedGroup) -> Node {
        var pairs: [(String, Node)] = [("name", .string(group.name)), ("on", .flowList(group.on))]
        if !group.members.isEmpty { pairs.append(("members", .sequence(group.members.map(Node.string), flow: false))) }
        return .block(pairs)
    }

    /// A provider's skills: a name, or `{name, description}`.
    static func skills(_ skills: [Skill]) -> Node {
        .sequence(
            skills.map { skill in
                guard let description = skill.description else { return Node.string(skill.name) }
                return .flow([("name", .string(skill.name)), ("description", .string(description))])
            }, flow: false)
    }
}
