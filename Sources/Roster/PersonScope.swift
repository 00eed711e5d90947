public import RosterModel

/// One person through the whole pipeline (`--only`): who they are on each provider, and the view of desired state
/// that makes the planner propose their steps and nothing else.
///
/// The view keeps the person's desired objects and freezes everything else at its live state, so other people are
/// neither changed nor deprovisioned, while blast-radius limits and the last-admin guard still count every live
/// user. Groups and skills the person needs are created as dependencies; a group is created with the person as
/// its only member (the others join on a full apply).
public struct PersonScope: Sendable, Hashable {
    /// The userName asked for.
    public var person: String
    /// The person's manifest userName, when the manifests declare them.
    public var declared: String?
    /// Their key (lowercased userName) on each provider of the run.
    public var keys: [String: String]

    /// Creates a scope.
    public init(person: String, declared: String?, keys: [String: String]) {
        self.person = person
        self.declared = declared
        self.keys = keys
    }

    /// The scope for `person` (a manifest userName, or a userName on any provider), from the loader's map of
    /// manifest userName → provider → userName there.
    static func resolve(_ person: String, people: [String: [String: String]], providers: [String]) -> PersonScope {
        let wanted = person.lowercased()
        let match = people.first { entry in
            entry.key.lowercased() == wanted || entry.value.values.contains { $0.lowercased() == wanted }
        }
        var keys: [String: String] = [:]
        for provider in providers {
            keys[provider] = (match?.value[provider] ?? match?.key ?? person).lowercased()
        }
        return PersonScope(person: person, declared: match?.key, keys: keys)
    }

    /// Desired state as the scoped run sees it: the person's objects as the manifests say, everything else as live.
    func desired(_ desired: DesiredState, live: LiveState) -> DesiredState {
        var scoped = desired
        for provider in desired.providers {
            let key = keys[provider.name] ?? person.lowercased()
            scoped.resources[provider.name] = resources(
                key: key, desired: desired.resources[provider.name] ?? ProviderResources(),
                live: live.providers[provider.name] ?? LiveResources())
        }
        return scoped
    }

    /// One provider's scoped resources.
    private func resources(key: String, desired: ProviderResources, live: LiveResources) -> ProviderResources {
        let liveKeys = Set(live.users.map(\.value.key))
        let users =
            desired.users.filter { $0.key == key }.map { Self.withoutAbsentManager($0, liveKeys: liveKeys) }
            + live.users.filter { $0.value.key != key }.map { object in
                User(
                    userName: object.value.userName, externalId: object.value.externalId, active: object.value.active,
                    attributes: object.value.attributes)
            }
        let wanted = Dictionary(desired.groups.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let held = Dictionary(live.groups.map { ($0.value.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var groups: [Group] = []
        for name in Set(wanted.keys).union(held.keys).sorted() {
            switch (wanted[name], held[name]) {
            case (let group?, let current?):
                let others = current.members.filter { $0 != key }
                let mine = group.members.contains(key) ? [key] : []
                groups.append(Group(name: group.name, members: others + mine, origin: group.origin))
            case (nil, let current?):
                groups.append(Group(name: current.name, externalId: current.externalId, members: current.members))
            case (let group?, nil) where group.members.contains(key):
                groups.append(Group(name: group.name, members: [key], origin: group.origin))
            case (_?, nil), (nil, nil):
                continue
            }
        }
        let needed = Set(desired.users.filter { $0.key == key }.flatMap { $0.skills.keys })
        var skills = Dictionary(
            live.skills.map { ($0.value.name, Skill(name: $0.value.name, description: $0.value.description)) },
            uniquingKeysWith: { first, _ in first })
        for skill in desired.skills where needed.contains(skill.name) { skills[skill.name] = skill }
        return ProviderResources(users: users, groups: groups, skills: Array(skills.values))
    }

    /// The person without a manager who is not on the provider yet: vendors name a manager by id, and a scoped run
    /// creates nobody else, so the manager is left for a full apply (the planner would otherwise report it missing).
    static func withoutAbsentManager(_ user: User, liveKeys: Set<String>) -> User {
        guard case .string(let manager)? = user.attributes[Attribute.manager], !liveKeys.contains(manager.lowercased())
        else { return user }
        var scoped = user
        scoped.attributes[Attribute.manager] = nil
        return scoped
    }

    /// Whether a plan step concerns the person (their user, memberships and skill assignments).
    public func concerns(_ address: ResourceAddress) -> Bool {
        guard let key = keys[address.provider] else { return false }
        return address.userKey == key
    }
}
