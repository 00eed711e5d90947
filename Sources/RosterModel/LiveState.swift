/// What the providers hold right now, as fetched.
///
/// Same vocabulary as `DesiredState`, plus vendor ids.
public struct LiveState: Sendable, Hashable, Codable {
    /// Live resources by provider name.
    public var providers: [String: LiveResources]

    /// Creates a live state.
    public init(providers: [String: LiveResources] = [:]) { self.providers = providers }
}

/// One live object with the vendor's id for it.
public struct LiveObject<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The vendor's id (SCIM `id`, Five9 name).
    public var id: String
    /// The object in roster's vocabulary.
    public var value: Value

    /// Creates a live object.
    public init(id: String, value: Value) {
        self.id = id
        self.value = value
    }

    /// A digest of the object as roster sees it, to tell whether it moved between plan and apply.
    public var fingerprint: String { Fingerprint.of(self) }
}

/// Everything fetched from one provider.
public struct LiveResources: Sendable, Hashable, Codable {
    /// Users, including inactive ones.
    public var users: [LiveObject<User>]
    /// Groups with members resolved to userNames.
    public var groups: [LiveObject<Group>]
    /// Skill objects (providers with skills as objects).
    public var skills: [LiveObject<Skill>]
    /// Names that exist on the platform and can only be referenced, not created, by kind: for example `roles`, `divisions`, `routingSkills`, `languages`, `sites`.
    ///
    /// A kind absent here is not checked.
    public var catalog: [String: [String]]

    /// Creates live resources.
    public init(
        users: [LiveObject<User>] = [], groups: [LiveObject<Group>] = [], skills: [LiveObject<Skill>] = [],
        catalog: [String: [String]] = [:]
    ) {
        self.users = users
        self.groups = groups
        self.skills = skills
        self.catalog = catalog
    }
}
