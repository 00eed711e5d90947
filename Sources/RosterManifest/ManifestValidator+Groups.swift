import RosterModel

extension ManifestValidator {
    /// Resolves each group's providers and members, and the groups people list in their accounts.
    mutating func resolveGroups() {
        for group in document.groups {
            for provider in group.on {
                guard let type = providerType(provider.value, at: provider.location, in: "group '\(group.name)'")
                else { continue }
                guard type.supportsGroups else {
                    let reason = type == .talkdesk ? "talkdesk supports users only" : "8x8 SCIM has no groups"
                    diagnostics.error(
                        .unsupported, "\(reason): group '\(group.name)' cannot be on provider '\(provider.value)'",
                        at: provider.location)
                    continue
                }
                var members = resolved.members[provider.value]?[group.name] ?? []
                for member in group.members {
                    guard let index = resolveMember(member, of: group, on: provider.value, type: type) else { continue }
                    members.insert(index)
                }
                resolved.members[provider.value, default: [:]][group.name] = members
            }
        }
        for (index, accounts) in resolved.accounts.enumerated() {
            for (provider, settings) in accounts {
                guard let groups = settings.groups, let type = document.providers[provider]?.config.type else {
                    continue
                }
                for group in groups {
                    let inserted = resolved.members[provider, default: [:]][group.value, default: []].insert(index)
                    if inserted.inserted {
                        checkFive9Role(index, group: group.value, on: provider, type: type, at: group.location)
                    }
                }
            }
        }
    }

    /// The person a group's `members` entry names, if they exist and have an account on the provider.
    private func resolveMember(
        _ member: Located<String>, of group: GroupDecl, on provider: String, type: ProviderType
    ) -> Int? {
        guard let index = document.personIndex[member.value.lowercased()] else {
            if document.unusablePeople.contains(member.value.lowercased()) { return nil }
            undefined(
                "member '\(member.value)' of group '\(group.name)' is not a person in the manifest",
                at: member.location, member.value, among: document.people.map(\.userName))
            return nil
        }
        guard resolved.accounts[index][provider] != nil else {
            if document.isComplete {
                diagnostics.error(
                    .noAccount, "\(member.value) has no account on \(provider)", at: member.location,
                    hint: "give the person an account on '\(provider)', or remove them from group '\(group.name)'")
            }
            return nil
        }
        checkFive9Role(index, group: group.name, on: provider, type: type, at: member.location)
        return index
    }

    /// Five9 agent-group members need the agent or supervisor role.
    ///
    /// five9.md §4.4: adding a user without either to an agent group fails with UserHasNoRequiredRoleFault.
    /// Skipped when the account has no roles at all (reported already).
    private func checkFive9Role(
        _ index: Int, group: String, on provider: String, type: ProviderType, at location: SourceLocation
    ) {
        guard type == .five9, let roles = resolved.accounts[index][provider]?.roles, !roles.isEmpty,
            !roles.contains("agent"), !roles.contains("supervisor")
        else { return }
        diagnostics.error(
            .vendorRule,
            "five9 agent group '\(group)' needs the agent or supervisor role; '\(document.people[index].userName)' has neither",
            at: location)
    }
}
