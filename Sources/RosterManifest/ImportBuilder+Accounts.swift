import RosterModel

extension ImportContext {
    /// Account keys whose value is a live attribute of the same name, in the order the manifest writes them.
    static let accountAttributes = [
        Attribute.division, Attribute.site, Attribute.roles, Attribute.skills, Attribute.languages, Attribute.teams,
    ]
    /// The account keys a profile may take over: the collections people share.
    static let profileKeys: Set<String> = [Attribute.roles, Attribute.skills, Attribute.languages, Attribute.teams]

    /// One account: its userName when it differs from the person's, `active: false`, and every setting the
    /// provider type takes that the provider holds and the user has.
    mutating func importedAccount(_ id: AccountID, of person: ImportedPerson) -> ImportedAccount {
        guard let user = users[id]?.value, let config = providers.first(where: { $0.name == id.provider }) else {
            return ImportedAccount()
        }
        var account = ImportedAccount()
        if user.key != person.userName.lowercased() { account.userName = user.userName }
        if !user.active { account.active = false }
        let caps = caps(id.provider)
        for attribute in Self.accountAttributes where config.type.accountKeys.contains(attribute) {
            let held = caps.attributes.contains(attribute) || (attribute == Attribute.skills && caps.userSkillsAreSteps)
            guard held, let value = user.attributes[attribute], !Self.isEmpty(value) else { continue }
            guard isValid(value, attribute, type: config.type, where: "\(id.provider): \(person.userName)") else {
                continue
            }
            account.settings[attribute] = value
        }
        return account
    }

    /// Whether a collection value is empty (an empty list is left out: it would say the same as nothing).
    static func isEmpty(_ value: AttributeValue) -> Bool {
        switch value {
        case .list(let list): list.isEmpty
        case .levels(let levels): levels.isEmpty
        case .string(let text): text.isEmpty
        case .bool, .int: false
        }
    }

    /// The vendor rules the manifest checks on account values (Five9's fixed roles, skill level ranges).
    mutating func isValid(_ value: AttributeValue, _ attribute: String, type: ProviderType, where place: String) -> Bool
    {
        var problem: String?
        if attribute == Attribute.roles, let fixed = type.fixedRoles, case .list(let roles) = value {
            let unknown = roles.filter { !fixed.contains($0) }
            if !unknown.isEmpty { problem = "roles \(unknown) are not \(type) roles" }
        }
        if attribute == Attribute.skills, let range = type.skillLevels, case .levels(let levels) = value {
            let outside = levels.filter { !range.contains($0.value) }.keys.sorted()
            if !outside.isEmpty { problem = "skill levels of \(outside) are outside \(range)" }
        }
        guard let problem else { return true }
        note(
            "invalid-value",
            "\(place): \(problem); \(attribute) left out of the manifest (roster leaves it alone)")
        return false
    }

    /// Profiles for settings that at least `profileThreshold` people share on one provider; those people list the
    /// profile and drop the settings from their own account.
    mutating func extractProfiles() {
        guard options.profileThreshold > 0 else { return }
        var candidates: [(provider: String, settings: [String: AttributeValue], people: [Int])] = []
        for config in providers {
            var shared: [[String: AttributeValue]: [Int]] = [:]
            for (index, person) in manifest.people.enumerated() {
                guard let account = person.accounts[config.name] else { continue }
                let settings = account.settings.filter { Self.profileKeys.contains($0.key) }
                if !settings.isEmpty { shared[settings, default: []].append(index) }
            }
            for (settings, people) in shared where people.count >= options.profileThreshold {
                candidates.append((config.name, settings, people))
            }
        }
        candidates.sort { a, b in
            if a.provider != b.provider { return a.provider < b.provider }
            if a.people.count != b.people.count { return a.people.count > b.people.count }
            return Self.signature(a.settings) < Self.signature(b.settings)
        }
        var names: Set<String> = []
        for candidate in candidates {
            let name = Self.uniqueName(Self.profileName(candidate.provider, candidate.settings), taken: names)
            names.insert(name)
            manifest.profiles.append(
                ImportedProfile(
                    name: name, provider: candidate.provider, settings: candidate.settings,
                    people: candidate.people.count))
            for index in candidate.people {
                manifest.people[index].profiles.append(name)
                for key in candidate.settings.keys {
                    manifest.people[index].accounts[candidate.provider]?.settings[key] = nil
                }
            }
        }
        manifest.profiles.sort { $0.name < $1.name }
        for index in manifest.people.indices { manifest.people[index].profiles.sort() }
    }

    /// A stable text for settings, to order profiles whose counts tie.
    static func signature(_ settings: [String: AttributeValue]) -> String {
        settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// A name made from the content: provider, roles, skills, languages, teams (`corp-agent-sales-billing`),
    /// cut to about 40 characters with a count of what was left out.
    static func profileName(_ provider: String, _ settings: [String: AttributeValue]) -> String {
        var words = [provider]
        for key in [Attribute.roles, Attribute.skills, Attribute.languages, Attribute.teams] {
            switch settings[key] {
            case .list(let names): words += names.sorted { $0.lowercased() < $1.lowercased() }
            case .levels(let levels): words += levels.keys.sorted { $0.lowercased() < $1.lowercased() }
            case .string, .bool, .int, nil: break
            }
        }
        let slugs = words.map(slug).filter { !$0.isEmpty }
        var name = slugs.first ?? "profile"
        var used = 1
        while used < slugs.count, name.count + 1 + slugs[used].count <= 40 {
            name += "-" + slugs[used]
            used += 1
        }
        if used < slugs.count { name += "-and-\(slugs.count - used)-more" }
        return name
    }

    /// Lowercase letters and digits, other runs of characters turned into one `-`.
    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }

    /// `name`, or `name-2`, `name-3`… when it is taken.
    static func uniqueName(_ name: String, taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        var number = 2
        while taken.contains("\(name)-\(number)") { number += 1 }
        return "\(name)-\(number)"
    }
}
