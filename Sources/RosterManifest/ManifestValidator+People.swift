import RosterModel

extension ManifestValidator {
    /// Merges each person's profiles and own accounts, then checks manager, profiles and vendor rules.
    mutating func resolvePeople() {
        resolved.accounts.reserveCapacity(document.people.count)
        for person in document.people {
            checkManager(of: person)
            var merged: [String: AccountSettings] = [:]
            var blame: [String: SourceLocation] = [:]
            for reference in person.profiles {
                guard let accounts = profileAccounts[reference.value] else {
                    undefined(
                        "undefined profile '\(reference.value)'", at: reference.location, reference.value,
                        among: document.profileOrder)
                    continue
                }
                for account in accounts {
                    merged[account.provider, default: AccountSettings()].merge(account.settings)
                    if blame[account.provider] == nil { blame[account.provider] = reference.location }
                }
            }
            for account in person.accounts {
                guard let type = providerType(account.provider, at: account.location, in: "accounts") else { continue }
                let settings = accountDecoder.decode(account, type: type, inProfile: false) ?? AccountSettings()
                merged[account.provider, default: AccountSettings()].merge(settings)
                blame[account.provider] = account.location
            }
            for (provider, settings) in merged {
                guard let type = document.providers[provider]?.config.type, let location = blame[provider] else {
                    continue
                }
                checkVendorRules(person, settings, type: type, provider: provider, at: location)
            }
            if merged.isEmpty && document.isComplete {
                diagnostics.warning(
                    .noAccounts, "person '\(person.userName)' has no account on any provider", at: person.location,
                    hint: "add 'accounts' or 'profiles', or remove the person")
            }
            resolved.accounts.append(merged)
        }
    }

    /// `manager` names another person.
    private func checkManager(of person: PersonDecl) {
        guard let manager = person.manager else { return }
        if manager.value.lowercased() == person.userName.lowercased() {
            diagnostics.error(.invalidValue, "a person cannot be their own manager", at: manager.location)
        } else if document.person(named: manager.value) == nil,
            !document.unusablePeople.contains(manager.value.lowercased())
        {
            undefined(
                "manager '\(manager.value)' is not a person in the manifest", at: manager.location, manager.value,
                among: document.people.map(\.userName))
        }
    }

    /// The rules each platform enforces on one merged account.
    private func checkVendorRules(
        _ person: PersonDecl, _ settings: AccountSettings, type: ProviderType, provider: String,
        at location: SourceLocation
    ) {
        let complete = document.isComplete
        switch type {
        case .five9 where complete && (settings.roles ?? []).isEmpty:
            // five9.md §4.1 createUser: a new user must have at least one role.
            rule("five9 account needs at least one role (agent, supervisor, admin or reporting)", at: location)
        case .eightByEight:
            // scim-vendors.md §4: 8x8 requires one (and only one) work email and a site, write-once.
            if person.attributes["email"] == nil {
                rule("8x8 account needs exactly one work email; set 'email' on the person", at: location)
            }
            if complete && settings.site == nil { rule("8x8 account needs a site", at: location) }
        case .genesys:
            // scim-vendors.md §1: at most 50 routing skills and 50 routing languages per user.
            if (settings.skills?.count ?? 0) > 50 { rule("genesys allows at most 50 routing skills", at: location) }
            if (settings.languages?.count ?? 0) > 50 { rule("genesys allows at most 50 languages", at: location) }
        case .five9, .webex, .talkdesk, .scim:
            break
        }
        let userName = settings.userName?.value ?? person.userName
        if type.userNameIsEmail && !ValueRules.isEmailAddress(userName) {
            rule(
                "\(type) userName must be an e-mail address, found '\(userName)'",
                at: settings.userName?.location ?? location)
        }
    }

    private func rule(_ message: String, at location: SourceLocation) {
        diagnostics.error(.vendorRule, message, at: location)
    }

    /// Two people may not end up with the same userName on one provider.
    ///
    /// Only `userName` overrides can cause that (people's own userNames are unique already), so only providers
    /// with overrides are checked.
    mutating func checkUserNames() {
        var overridden: Set<String> = []
        for accounts in resolved.accounts {
            for (provider, settings) in accounts where settings.userName != nil { overridden.insert(provider) }
        }
        guard !overridden.isEmpty else { return }
        var taken: [String: [String: Int]] = [:]
        for (index, accounts) in resolved.accounts.enumerated() {
            for provider in accounts.keys where overridden.contains(provider) {
                guard let userName = resolved.userName(of: index, on: provider, in: document) else { continue }
                let key = userName.lowercased()
                guard let first = taken[provider]?[key] else {
                    taken[provider, default: [:]][key] = index
                    continue
                }
                let location = accounts[provider]?.userName?.location ?? document.people[index].location
                diagnostics.error(
                    .duplicate, "userName '\(userName)' on provider '\(provider)' belongs to two people",
                    at: location,
                    related: [
                        resolved.accounts[first][provider]?.userName?.location
                            ?? document.people[first].location
                    ])
            }
        }
    }
}
