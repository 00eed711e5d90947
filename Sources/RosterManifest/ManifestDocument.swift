import RosterModel

/// Every declaration of every file, merged, with the indexes that make duplicate and reference checks O(1).
struct ManifestDocument {
    /// Where `version` was first given.
    var versionLocation: SourceLocation?
    /// The one top-level `policy` block.
    var policy: PolicyDecl?
    /// Providers by name.
    var providers: [String: ProviderDecl] = [:]
    /// Declared skills by provider, in declaration order.
    var skills: [String: [SkillDecl]] = [:]
    /// Declared skill names by provider, with where each is declared.
    var skillLocations: [String: [String: SourceLocation]] = [:]
    /// Declared role names by provider (`roles.<provider>`), with where each is declared.
    var roles: [String: [String: SourceLocation]] = [:]
    /// Where each `roles.<provider>` / `skills.<provider>` list is written (for reference checks of the key).
    var catalogKeys: [Located<String>] = []
    /// Profiles by name, and their names in declaration order.
    var profiles: [String: ProfileDecl] = [:]
    var profileOrder: [String] = []
    /// People in declaration order, duplicates left out.
    var people: [PersonDecl] = []
    /// Index into `people` by lowercased userName.
    var personIndex: [String: Int] = [:]
    /// Groups in declaration order.
    var groups: [GroupDecl] = []
    /// Group names by provider, with where each is declared.
    var groupLocations: [String: [String: SourceLocation]] = [:]
    /// Providers declared without a usable type, and people dropped for an unusable userName: references to them
    /// are not reported again as undefined.
    var unusableProviders: Set<String> = []
    var unusablePeople: Set<String> = []
    /// Whether every file could be read and parsed; absence-based checks (undefined references, missing version)
    /// are skipped when not, since the missing piece may be in the file that failed.
    var isComplete = true
    /// The first file read, for diagnostics about the manifest as a whole.
    var firstFile: String?

    /// The person with this userName (case-insensitive).
    func person(named userName: String) -> PersonDecl? {
        personIndex[userName.lowercased()].map { people[$0] }
    }
}

extension ManifestDocument {
    /// Adds a provider, or reports a duplicate naming both places.
    mutating func add(_ provider: ProviderDecl, _ diagnostics: DiagnosticCollector) {
        let name = provider.config.name
        if let first = providers[name] {
            diagnostics.error(
                .duplicate, "provider '\(name)' is declared twice", at: provider.location, related: [first.location])
            return
        }
        providers[name] = provider
    }

    /// Adds a profile, or reports a duplicate naming both places.
    mutating func add(_ profile: ProfileDecl, _ diagnostics: DiagnosticCollector) {
        if let first = profiles[profile.name] {
            diagnostics.error(
                .duplicate, "profile '\(profile.name)' is declared twice", at: profile.location,
                related: [first.location])
            return
        }
        profiles[profile.name] = profile
        profileOrder.append(profile.name)
    }

    /// Adds a person, or reports a duplicate userName (case-insensitive) naming both places.
    mutating func add(_ person: PersonDecl, _ diagnostics: DiagnosticCollector) {
        let key = person.userName.lowercased()
        if let index = personIndex[key] {
            diagnostics.error(
                .duplicate, "person '\(person.userName)' is declared twice (userNames match case-insensitively)",
                at: person.location, related: [people[index].location])
            return
        }
        personIndex[key] = people.count
        people.append(person)
    }

    /// Adds a group, reporting a duplicate for each provider where the name is already taken.
    mutating func add(_ group: GroupDecl, _ diagnostics: DiagnosticCollector) {
        for provider in group.on {
            if let first = groupLocations[provider.value]?[group.name] {
                diagnostics.error(
                    .duplicate, "group '\(group.name)' is declared twice on provider '\(provider.value)'",
                    at: group.location, related: [first])
            } else {
                groupLocations[provider.value, default: [:]][group.name] = group.location
            }
        }
        groups.append(group)
    }

    /// Adds a skill, or reports a duplicate name on the same provider naming both places.
    mutating func add(_ skill: SkillDecl, _ diagnostics: DiagnosticCollector) {
        if let first = skillLocations[skill.provider]?[skill.name] {
            diagnostics.error(
                .duplicate, "skill '\(skill.name)' is declared twice for provider '\(skill.provider)'",
                at: skill.location, related: [first])
            return
        }
        skillLocations[skill.provider, default: [:]][skill.name] = skill.location
        skills[skill.provider, default: []].append(skill)
    }

    /// Adds a role name, or reports a duplicate on the same provider naming both places.
    mutating func addRole(_ role: Located<String>, provider: String, _ diagnostics: DiagnosticCollector) {
        if let first = roles[provider]?[role.value] {
            diagnostics.error(
                .duplicate, "role '\(role.value)' is declared twice for provider '\(provider)'", at: role.location,
                related: [first])
            return
        }
        roles[provider, default: [:]][role.value] = role.location
    }
}
