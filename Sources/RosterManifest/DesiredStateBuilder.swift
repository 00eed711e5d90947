import RosterModel

/// Maps a valid, resolved manifest to `DesiredState` (the spec's last section).
struct DesiredStateBuilder {
    let document: ManifestDocument
    let resolved: ResolvedManifest

    /// The desired state, and person userName → provider → userName there.
    func build() -> (DesiredState, [String: [String: String]]) {
        var configs: [ProviderConfig] = []
        var resources: [String: ProviderResources] = [:]
        var users: [String: [User]] = [:]
        let managers = document.people.map { person in
            person.manager.flatMap { document.personIndex[$0.value.lowercased()] }
        }
        for (index, person) in document.people.enumerated() {
            let common = commonAttributes(of: person)
            for provider in resolved.accounts[index].keys {
                let manager = managers[index].flatMap { resolved.userName(of: $0, on: provider, in: document) }
                users[provider, default: []].append(user(index, on: provider, common, manager: manager))
            }
        }
        for (name, provider) in document.providers {
            var config = provider.config
            config.policy = resolved.policies[name] ?? ProviderPolicy()
            configs.append(config)
            let skills = (document.skills[name] ?? []).map {
                Skill(name: $0.name, description: $0.description, origin: $0.location)
            }
            let sorted = Self.sortedByKey(users[name] ?? [])
            resources[name] = ProviderResources(users: sorted, groups: groups(on: name), skills: skills)
        }
        var people: [String: [String: String]] = [:]
        people.reserveCapacity(document.people.count)
        for (index, person) in document.people.enumerated() {
            people[person.userName] = resolved.accounts[index].keys.reduce(into: [:]) { result, provider in
                result[provider] = resolved.userName(of: index, on: provider, in: document)
            }
        }
        return (DesiredState(providers: configs, resources: resources), people)
    }

    /// Users sorted by key, each key computed once; `ProviderResources` sorts again, then in linear time.
    private static func sortedByKey(_ users: [User]) -> [User] {
        let keys = users.map(\.key)
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { users[$0] }
    }

    /// The person's attributes that are the same on every provider.
    private func commonAttributes(of person: PersonDecl) -> AttributeMap {
        var attributes: AttributeMap = [:]
        attributes.reserveCapacity(12)
        if let value = person.givenName { attributes[Attribute.givenName] = .string(value) }
        if let value = person.familyName { attributes[Attribute.familyName] = .string(value) }
        let display =
            person.attributes["displayName"]
            ?? [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ")
        attributes[Attribute.displayName] = .string(display)
        let strings = [
            Attribute.email, Attribute.title, Attribute.department, Attribute.locale, Attribute.timezone,
            Attribute.phone,
        ]
        for name in strings {
            if let value = person.attributes[name] { attributes[name] = .string(value) }
        }
        return attributes
    }

    /// One person's user on one provider.
    private func user(_ index: Int, on provider: String, _ common: AttributeMap, manager: String?) -> User {
        let person = document.people[index]
        let settings = resolved.accounts[index][provider] ?? AccountSettings()
        var attributes = common
        if let manager { attributes[Attribute.manager] = .string(manager) }
        if let division = settings.division { attributes[Attribute.division] = .string(division) }
        if let site = settings.site { attributes[Attribute.site] = .string(site) }
        if let roles = settings.roles { attributes[Attribute.roles] = .list(roles) }
        if let teams = settings.teams { attributes[Attribute.teams] = .list(teams) }
        if let skills = settings.skills { attributes[Attribute.skills] = .levels(skills) }
        if let languages = settings.languages { attributes[Attribute.languages] = .levels(languages) }
        return User(
            userName: settings.userName?.value ?? person.userName, externalId: nil,
            active: settings.active ?? person.active ?? true, attributes: attributes, origin: person.location)
    }

    /// The groups on a provider with their members' userNames there.
    private func groups(on provider: String) -> [Group] {
        document.groups.filter { group in group.on.contains { $0.value == provider } }.map { group in
            let members = (resolved.members[provider]?[group.name] ?? []).compactMap {
                resolved.userName(of: $0, on: provider, in: document)
            }
            return Group(name: group.name, members: members, origin: group.location)
        }
    }
}
