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
    /// The attributes diffed and sent: the provider's, without skills where they are steps of their own.
    let managedAttributes: Set<String>

    init(provider: ProviderConfig, capabilities: ProviderCapabilities, desired: ProviderResources, live: LiveResources)
    {
        self.provider = provider
        self.capabilities = capabilities
        self.desired = desired
        self.live = live
        var attributes = capabilities.attributes
        if capabilities.userSkillsAreSteps { attributes.remove(Attribute.skills) }
        self.managedAttributes = attributes
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
        for user in desired.users { desiredUsers[user.key] = user }
        var duplicates: [String: [LiveObject<User>]] = [:]
        liveUsers.reserveCapacity(live.users.count)
        for user in live.users {
            let key = user.value.key
            if let twin = liveUsers.updateValue(user, forKey: key) {
                duplicates[key, default: [twin]].append(user)
            }
        }
        for (key, users) in duplicates.sorted(by: { $0.key < $1.key }) {
            liveUsers[key] = nil
            diagnostics.append(
                .error(
                    "live-duplicate",
                    "\(name) holds \(users.count) users named '\(key)' (ids \(users.map(\.id).sorted().joined(separator: ", "))); roster will not touch them",
                    at: desiredUsers[key]?.origin, hint: "remove the duplicates in \(name) and plan again"))
            // Desired users whose live twin is duplicated are dropped from the diff.
            desiredUsers[key] = nil
        }
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
