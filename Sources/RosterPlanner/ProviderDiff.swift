import RosterModel

/// The diff of one provider: desired against live, producing unordered steps and diagnostics.
struct ProviderDiff {
    let provider: ProviderConfig
    let capabilities: ProviderCapabilities
    let desired: ProviderResources
    let live: LiveResources

    var steps: [PlanStep] = []
    var diagnostics: [Diagnostic] = []
    var unmanagedUsers = 0
    var unmanagedGroups = 0
    /// Live users by lowercased userName (duplicates excluded and reported).
    var liveUsers: [String: LiveObject<User>] = [:]
    /// Desired users by lowercased userName.
    var desiredUsers: [String: User] = [:]
    /// Keys of users this plan deprovisions.
    var deprovisioned: Set<String> = []

    init(provider: ProviderConfig, capabilities: ProviderCapabilities, desired: ProviderResources, live: LiveResources)
    {
        self.provider = provider
        self.capabilities = capabilities
        self.desired = desired
        self.live = live
    }

    var name: String { provider.name }

    /// Runs every diff step in a fixed order.
    mutating func diff() {
        indexUsers()
        diffUsers()
        if capabilities.kinds.contains(.skill) { diffSkills() }
        if capabilities.userSkillsAreSteps { diffUserSkills() }
        if capabilities.kinds.contains(.group) { diffGroups() }
    }

    /// Indexes live users by key, reporting duplicate userNames instead of guessing which one is meant.
    mutating func indexUsers() {
        var seen: [String: [LiveObject<User>]] = [:]
        for user in live.users { seen[user.value.key, default: []].append(user) }
        for (key, users) in seen.sorted(by: { $0.key < $1.key }) {
            if users.count == 1 {
                liveUsers[key] = users[0]
            } else {
                diagnostics.append(
                    .error(
                        "live-duplicate",
                        "\(name) holds \(users.count) users named '\(key)' (ids \(users.map(\.id).sorted().joined(separator: ", "))); roster will not touch them",
                        at: desiredUsers[key]?.origin, hint: "remove the duplicates in \(name) and plan again"))
            }
        }
        for user in desired.users { desiredUsers[user.key] = user }
        // Desired users whose live twin is duplicated are dropped from the diff (reported above).
        for key in seen.keys where (seen[key]?.count ?? 0) > 1 { desiredUsers[key] = nil }
    }

    /// Attributes this provider holds, minus those handled as steps of their own.
    var managedAttributes: Set<String> {
        var attributes = capabilities.attributes
        if capabilities.userSkillsAreSteps { attributes.remove(Attribute.skills) }
        return attributes
    }

    /// The desired user reduced to what this provider holds.
    func shaped(_ user: User) -> User {
        var shaped = user
        shaped.attributes = user.attributes.filter { managedAttributes.contains($0.key) }
        return shaped
    }

    /// API calls an action costs on this provider.
    func calls(_ action: Action) -> Int { capabilities.callCosts[action] ?? 1 }
}
