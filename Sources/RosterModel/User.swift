/// A user on one provider, desired or live.
///
/// The same value serves both sides of the diff.
public struct User: Sendable, Hashable, Codable {
    /// The natural key on this provider; matched case-insensitively.
    public var userName: String
    /// The ownership marker (`roster:` prefix) or whatever the vendor or another IdP put there.
    public var externalId: String?
    /// Whether the account is active.
    public var active: Bool
    /// Canonical attributes (see `Attribute`), normalised.
    public var attributes: AttributeMap
    /// Where the person is declared, for desired users.
    public var origin: SourceLocation?

    /// Creates a user.
    public init(
        userName: String, externalId: String? = nil, active: Bool = true, attributes: AttributeMap = [:],
        origin: SourceLocation? = nil
    ) {
        self.userName = userName
        self.externalId = externalId
        self.active = active
        self.attributes = attributes.mapValues(\.normalized)
        self.origin = origin
    }

    /// The lowercased userName used to match desired and live users.
    public var key: String { userName.lowercased() }

    /// The skill levels, or an empty map.
    public var skills: [String: Int] {
        if case .levels(let levels) = attributes[Attribute.skills] { return levels }
        return [:]
    }

    /// The roles, or an empty list.
    public var roles: [String] {
        if case .list(let roles) = attributes[Attribute.roles] { return roles }
        return []
    }
}

/// The marker roster writes into `externalId` of what it creates, so `prune: owned` knows what it may remove.
public enum Ownership {
    /// The prefix of every roster-owned `externalId`.
    public static let prefix = "roster:"

    /// The marker for a user or group key.
    public static func marker(for key: String) -> String { prefix + key.lowercased() }

    /// Whether an `externalId` marks the object as roster's.
    public static func isOwned(_ externalId: String?) -> Bool { externalId?.hasPrefix(prefix) ?? false }
}
