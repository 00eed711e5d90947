import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// `skills:` — provider → list of `name` or `{name, description?}`.
    mutating func decodeSkills(_ node: YAMLNode) {
        for entry in namedEntries(node, "'skills'") {
            document.catalogKeys.append(Located(value: "skills." + entry.name, location: entry.key.location))
            guard let items = diagnostics.list(entry.value, "'skills.\(entry.name)'") else { continue }
            for item in items {
                if let skill = decodeSkill(item, provider: entry.name) { document.add(skill, diagnostics) }
            }
        }
    }

    private func decodeSkill(_ item: YAMLNode, provider: String) -> SkillDecl? {
        if item.pairs == nil {
            guard let name = diagnostics.nonEmptyString(item, "a skill (a name or {name, description})") else {
                return nil
            }
            return SkillDecl(provider: provider, name: name, description: nil, location: item.location)
        }
        guard let fields = diagnostics.fields(item, "a skill", allowed: ManifestKeys.skill, in: "skill") else {
            return nil
        }
        diagnostics.require(["name"], in: fields, of: item, "skill")
        let description = fields["description"].flatMap { diagnostics.string($0.value, "'description'") }
        guard let pair = fields["name"], let name = diagnostics.nonEmptyString(pair.value, "'name'") else { return nil }
        return SkillDecl(provider: provider, name: name, description: description, location: item.location)
    }

    /// `roles:` — provider → role names that exist on that platform.
    mutating func decodeRoles(_ node: YAMLNode) {
        for entry in namedEntries(node, "'roles'") {
            document.catalogKeys.append(Located(value: "roles." + entry.name, location: entry.key.location))
            guard let names = diagnostics.stringList(entry.value, "'roles.\(entry.name)'") else { continue }
            if document.roles[entry.name] == nil { document.roles[entry.name] = [:] }
            for name in names { document.addRole(name, provider: entry.name, diagnostics) }
        }
    }

    /// `profiles:` — profile name → provider → account settings (decoded once provider types are known).
    mutating func decodeProfiles(_ node: YAMLNode) {
        for entry in namedEntries(node, "'profiles'") {
            if entry.name.isEmpty || entry.key.stringValue == nil {
                diagnostics.error(.invalidValue, "a profile name must be a non-empty string", at: entry.key.location)
                continue
            }
            let accounts = namedEntries(entry.value, "profile '\(entry.name)'").map {
                AccountDecl(provider: $0.name, location: $0.key.location, node: $0.value)
            }
            document.add(ProfileDecl(name: entry.name, location: entry.key.location, accounts: accounts), diagnostics)
        }
    }
}
