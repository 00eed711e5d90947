/// The kinds of object a plan step can touch.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// A user account.
    case user
    /// A group (Five9 agent group, SCIM group).
    case group
    /// A skill object (Five9).
    case skill
    /// One user's membership in one group.
    case membership
    /// One user's assignment of one skill, with a level (Five9).
    case userSkill = "user_skill"
}

/// What a step does.
///
/// Which actions apply to which kind is fixed by the planner; renderers switch exhaustively.
public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
    /// Create an object.
    case create
    /// Change attributes of an object in place.
    case update
    /// Set `active=false`.
    case deactivate
    /// Set `active=true` on a deactivated user instead of creating a duplicate.
    case reactivate
    /// Hard delete.
    case delete
    /// Add a membership or skill assignment.
    case add
    /// Change the level of a skill assignment.
    case modify
    /// Remove a membership or skill assignment.
    case remove
    /// A change the API cannot make; an admin must do it by hand.
    case manual

    /// Whether the step removes access (used by blast-radius limits and lock-out guards).
    public var isRemoval: Bool {
        switch self {
        case .deactivate, .delete, .remove: true
        case .create, .update, .reactivate, .add, .modify, .manual: false
        }
    }
}

/// A stable, human-readable address for one object: `corp.user["ana@acme.example"]`,
/// `five9.user_skill["ana@acme.example","Sales"]`.
public struct ResourceAddress: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The provider name.
    public var provider: String
    /// The kind of object.
    public var kind: ResourceKind
    /// The natural keys: `[userName]`, `[group]`, `[skill]`, `[group, userName]`, `[userName, skill]`.
    public var keys: [String]

    /// Creates an address.
    public init(provider: String, kind: ResourceKind, keys: [String]) {
        self.provider = provider
        self.kind = kind
        self.keys = keys
    }

    /// The address of a user.
    public static func user(_ provider: String, _ userName: String) -> ResourceAddress {
        ResourceAddress(provider: provider, kind: .user, keys: [userName.lowercased()])
    }

    /// The address of a group.
    public static func group(_ provider: String, _ name: String) -> ResourceAddress {
        ResourceAddress(provider: provider, kind: .group, keys: [name])
    }

    /// The address of a skill object.
    public static func skill(_ provider: String, _ name: String) -> ResourceAddress {
        ResourceAddress(provider: provider, kind: .skill, keys: [name])
    }

    /// The address of a membership.
    public static func membership(_ provider: String, group: String, user: String) -> ResourceAddress {
        ResourceAddress(provider: provider, kind: .membership, keys: [group, user.lowercased()])
    }

    /// The address of a skill assignment.
    public static func userSkill(_ provider: String, user: String, skill: String) -> ResourceAddress {
        ResourceAddress(provider: provider, kind: .userSkill, keys: [user.lowercased(), skill])
    }

    /// `provider.kind["key1","key2"]`.
    public var description: String {
        "\(provider).\(kind.rawValue)[" + keys.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    /// The user key this address concerns, if any.
    public var userKey: String? {
        switch kind {
        case .user, .userSkill: keys.first
        case .membership: keys.last
        case .group, .skill: nil
        }
    }

    /// Orders by provider, kind, then keys.
    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        if lhs.provider != rhs.provider { return lhs.provider < rhs.provider }
        if lhs.kind != rhs.kind {
            return ResourceKind.allCases.firstIndex(of: lhs.kind)! < ResourceKind.allCases.firstIndex(of: rhs.kind)!
        }
        return lhs.keys.lexicographicallyPrecedes(rhs.keys)
    }
}
