/// Everything the manifests ask for, per provider.
///
/// The output of `roster validate`, the input of the planner.
public struct DesiredState: Sendable, Hashable, Codable {
    /// The providers, sorted by name.
    public var providers: [ProviderConfig]
    /// What each provider should hold, by provider name.
    public var resources: [String: ProviderResources]

    /// Creates a desired state.
    public init(providers: [ProviderConfig] = [], resources: [String: ProviderResources] = [:]) {
        self.providers = providers.sorted { $0.name < $1.name }
        self.resources = resources
    }

    /// The provider with the given name.
    public func provider(named name: String) -> ProviderConfig? { providers.first { $0.name == name } }

    /// The number of distinct people (by lowercased userName) across all providers.
    public var userCount: Int { resources.values.reduce(0) { $0 + $1.users.count } }
}

/// The objects one provider should (or does) hold.
public struct ProviderResources: Sendable, Hashable, Codable {
    /// Users, sorted by key.
    public var users: [User]
    /// Groups, sorted by name.
    public var groups: [Group]
    /// Skills as objects (only for providers that have them), sorted by name.
    public var skills: [Skill]

    /// Creates resources; each collection is sorted by its key.
    public init(users: [User] = [], groups: [Group] = [], skills: [Skill] = []) {
        self.users = users.sorted { $0.key < $1.key }
        self.groups = groups.sorted { $0.key < $1.key }
        self.skills = skills.sorted { $0.name < $1.name }
    }
}
