/// A group (Five9 agent group, SCIM group) with its members, by userName.
public struct Group: Sendable, Hashable, Codable {
    /// The display name, the natural key.
    public var name: String
    /// The ownership marker or a foreign external id.
    public var externalId: String?
    /// Member userNames, lowercased and sorted.
    public var members: [String]
    /// Where the group is declared, for desired groups.
    public var origin: SourceLocation?

    /// Creates a group; members are lowercased, de-duplicated and sorted.
    public init(name: String, externalId: String? = nil, members: [String] = [], origin: SourceLocation? = nil) {
        self.name = name
        self.externalId = externalId
        self.members = Array(Set(members.map { $0.lowercased() })).sorted()
        self.origin = origin
    }

    /// The key used to match desired and live groups (case-sensitive display name, as vendors treat it).
    public var key: String { name }
}

/// A skill as an object of its own (Five9).
///
/// Assignments with levels live on the user.
public struct Skill: Sendable, Hashable, Codable {
    /// The skill name, the natural key.
    public var name: String
    /// An optional description.
    public var description: String?
    /// Where the skill is declared.
    public var origin: SourceLocation?

    /// Creates a skill.
    public init(name: String, description: String? = nil, origin: SourceLocation? = nil) {
        self.name = name
        self.description = description
        self.origin = origin
    }
}
