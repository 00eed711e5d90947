package import RosterModel

/// The natural keys of the objects a set of addresses concerns, by kind: a membership concerns its group and its
/// user, a skill assignment its user and its skill.
package struct ObjectKeys: Sendable, Hashable {
    /// User keys (lowercased userNames).
    package var users: Set<String> = []
    /// Group names.
    package var groups: Set<String> = []
    /// Skill names.
    package var skills: Set<String> = []

    /// The keys of the objects `addresses` concern.
    package init(_ addresses: some Sequence<ResourceAddress>) {
        for address in addresses {
            switch address.kind {
            case .user: users.insert(address.keys[0])
            case .group: groups.insert(address.keys[0])
            case .skill: skills.insert(address.keys[0])
            case .membership:
                groups.insert(address.keys[0])
                users.insert(address.keys[1])
            case .userSkill:
                users.insert(address.keys[0])
                skills.insert(address.keys[1])
            }
        }
    }

    /// Whether there is nothing to read.
    package var isEmpty: Bool { users.isEmpty && groups.isEmpty && skills.isEmpty }

    /// The objects of `resources` these keys name (users by key, groups and skills by name).
    package func filter(_ resources: LiveResources) -> LiveResources {
        LiveResources(
            users: resources.users.filter { users.contains($0.value.key) },
            groups: resources.groups.filter { groups.contains($0.value.key) },
            skills: resources.skills.filter { skills.contains($0.value.name) }, catalog: resources.catalog)
    }
}
