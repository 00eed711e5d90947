import RosterModel

extension ImportContext {
    /// Imported groups with members by manifest userName; a group with the same name and members on several
    /// providers becomes one group `on` all of them.
    mutating func buildGroups() {
        var byName: [String: [(provider: String, members: [String])]] = [:]
        for config in providers {
            for group in groups[config.name] ?? [] {
                var members: [String] = []
                for key in group.value.members {
                    guard let index = personOf[AccountID(provider: config.name, key: key)] else {
                        note(
                            "member-missing",
                            "\(config.name): member '\(key)' of group '\(group.value.name)' could not be imported; the first plan will remove them from it"
                        )
                        continue
                    }
                    members.append(manifest.people[index].userName)
                }
                members.sort { $0.lowercased() < $1.lowercased() }
                byName[group.value.name, default: []].append((config.name, members))
            }
        }
        for name in byName.keys.sorted() {
            var merged: [(on: [String], members: [String])] = []
            for entry in byName[name] ?? [] {
                if let index = merged.firstIndex(where: { $0.members == entry.members }) {
                    merged[index].on.append(entry.provider)
                } else {
                    merged.append(([entry.provider], entry.members))
                }
            }
            for entry in merged {
                manifest.groups.append(ImportedGroup(name: name, on: entry.on.sorted(), members: entry.members))
            }
        }
    }

    /// `skills.<provider>`: the platform's skill objects and every skill an account or profile assigns;
    /// `roles.<provider>`: the platform's role catalog, when it publishes one, and every role in use.
    mutating func buildCatalogs() {
        for config in providers {
            var usedRoles: Set<String> = []
            var usedSkills: Set<String> = []
            let settings =
                manifest.people.compactMap { $0.accounts[config.name]?.settings }
                + manifest.profiles.filter { $0.provider == config.name }.map(\.settings)
            for entry in settings {
                if case .list(let roles) = entry[Attribute.roles] { usedRoles.formUnion(roles) }
                if case .levels(let skills) = entry[Attribute.skills] { usedSkills.formUnion(skills.keys) }
            }
            if config.type.supportsSkills {
                var skills: [String: Skill] = [:]
                for skill in resources(config.name).skills { skills[skill.value.name] = Skill(skill.value) }
                for name in usedSkills where skills[name] == nil { skills[name] = Skill(name: name) }
                if !skills.isEmpty { manifest.skills[config.name] = skills.values.sorted { $0.name < $1.name } }
            }
            if config.type.supportsRoles, let catalog = resources(config.name).catalog["roles"] {
                let fixed = config.type.fixedRoles.map(Set.init)
                let known = Set(catalog).filter { fixed?.contains($0) ?? true }
                manifest.roles[config.name] = known.union(usedRoles).sorted()
            }
        }
    }
}

extension Skill {
    /// The skill without where it came from, as a manifest declares it.
    init(_ live: Skill) {
        self.init(name: live.name, description: live.description.flatMap { $0.isEmpty ? nil : $0 })
    }
}
