import RosterModel

/// What validation works out beyond the declarations: effective policies, merged accounts, group memberships.
struct ResolvedManifest {
    /// Each provider's policy: defaults, then top-level `policy`, then the provider's own, field by field.
    var policies: [String: ProviderPolicy] = [:]
    /// Per person (parallel to `ManifestDocument.people`): merged account settings by provider name.
    var accounts: [[String: AccountSettings]] = []
    /// provider → group name → member person indices (the group's `members` ∪ accounts listing the group).
    var members: [String: [String: Set<Int>]] = [:]

    /// The person's userName on `provider`: the account override, else the manifest userName.
    func userName(of index: Int, on provider: String, in document: ManifestDocument) -> String? {
        guard let settings = accounts[index][provider] else { return nil }
        return settings.userName?.value ?? document.people[index].userName
    }
}
