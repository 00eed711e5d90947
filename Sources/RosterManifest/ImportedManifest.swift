public import RosterModel

/// What `roster import` makes of live state, before it is written as manifest files: people with their identity
/// once and their accounts per provider, profiles shared by many of them, groups, and the skill and role catalogs.
///
/// Every collection is sorted, so the same live state always gives the same manifest.
public struct ImportedManifest: Sendable, Hashable {
    /// People, sorted by lowercased userName.
    public var people: [ImportedPerson]
    /// Profiles, sorted by name.
    public var profiles: [ImportedProfile]
    /// Groups, sorted by name and then by their first provider.
    public var groups: [ImportedGroup]
    /// Declared skills by provider, each list sorted by name.
    public var skills: [String: [Skill]]
    /// Declared role names by provider, sorted.
    public var roles: [String: [String]]
    /// What the import decided that a reader should know (conflicts left out, members pulled in, values dropped).
    public var notes: [Diagnostic]
    /// Providers on which the import took users roster does not own because `--adopt` asked: their policy gains
    /// `adopt: true`, so the next apply sets roster's ownership marker on them.
    public var adopting: Set<String> = []

    /// Creates an imported manifest.
    public init(
        people: [ImportedPerson] = [], profiles: [ImportedProfile] = [], groups: [ImportedGroup] = [],
        skills: [String: [Skill]] = [:], roles: [String: [String]] = [:], notes: [Diagnostic] = []
    ) {
        self.people = people
        self.profiles = profiles
        self.groups = groups
        self.skills = skills
        self.roles = roles
        self.notes = notes
    }
}

/// One person: identity attributes once, and an account per provider they exist on.
public struct ImportedPerson: Sendable, Hashable {
    /// The manifest userName (the one most of their accounts use).
    public var userName: String
    /// Identity attributes by manifest key (`givenName`, `familyName`, `displayName`, `email`, `title`, …).
    public var identity: [String: String]
    /// The manager's manifest userName, when every provider that holds managers agrees.
    public var manager: String?
    /// Profiles the person lists, sorted.
    public var profiles: [String]
    /// Accounts by provider name; providers covered entirely by a profile may be absent.
    public var accounts: [String: ImportedAccount]
    /// Why the person is in the manifest although roster did not own them, when that is so.
    public var adoption: Adoption?

    /// Why an object without roster's ownership marker was imported.
    public enum Adoption: String, Sendable, Hashable, Codable {
        /// `--adopt` was given.
        case requested
        /// The provider's policy is `prune: all`, so leaving it out would deprovision it.
        case pruneAll = "prune-all"
        /// An imported group lists it as a member.
        case groupMember = "group-member"
    }

    /// Creates a person.
    public init(
        userName: String, identity: [String: String] = [:], manager: String? = nil, profiles: [String] = [],
        accounts: [String: ImportedAccount] = [:], adoption: Adoption? = nil
    ) {
        self.userName = userName
        self.identity = identity
        self.manager = manager
        self.profiles = profiles
        self.accounts = accounts
        self.adoption = adoption
    }

    /// Every provider the person exists on, whether through an account or a profile.
    public var providers: Set<String> { Set(accounts.keys) }
}

/// One person's settings on one provider, by manifest account key (`roles`, `skills`, `division`, …).
public struct ImportedAccount: Sendable, Hashable {
    /// The userName on this provider when it differs from the person's.
    public var userName: String?
    /// `false` when the account is deactivated.
    public var active: Bool?
    /// Account settings by manifest key.
    public var settings: [String: AttributeValue]

    /// Creates an account.
    public init(userName: String? = nil, active: Bool? = nil, settings: [String: AttributeValue] = [:]) {
        self.userName = userName
        self.active = active
        self.settings = settings
    }
}

/// A profile: account settings that many people share on one provider.
public struct ImportedProfile: Sendable, Hashable {
    /// The name, made from its content (`corp-agent-sales`).
    public var name: String
    /// The provider it covers.
    public var provider: String
    /// The shared settings by manifest key.
    public var settings: [String: AttributeValue]
    /// How many people list it.
    public var people: Int

    /// Creates a profile.
    public init(name: String, provider: String, settings: [String: AttributeValue], people: Int) {
        self.name = name
        self.provider = provider
        self.settings = settings
        self.people = people
    }
}

/// A group on one or more providers with the same members everywhere.
public struct ImportedGroup: Sendable, Hashable {
    /// The display name.
    public var name: String
    /// The providers, sorted.
    public var on: [String]
    /// Members by manifest userName, sorted.
    public var members: [String]

    /// Creates a group.
    public init(name: String, on: [String], members: [String]) {
        self.name = name
        self.on = on
        self.members = members
    }
}

/// How `roster import` decides what to include and how to lay it out.
public struct ImportOptions: Sendable, Hashable {
    /// Include objects without roster's ownership marker (they become roster's to manage).
    public var adopt: Bool
    /// Extract a profile when at least this many people share the same settings on a provider (0: never).
    public var profileThreshold: Int
    /// One people file per provider (or combination of providers), or one per department.
    public var layout: ImportLayout

    /// Creates options.
    public init(adopt: Bool = false, profileThreshold: Int = 5, layout: ImportLayout = .provider) {
        self.adopt = adopt
        self.profileThreshold = profileThreshold
        self.layout = layout
    }
}

/// How imported people are split into files.
public enum ImportLayout: String, Sendable, Hashable, CaseIterable {
    /// `people/<provider>.yaml` for people on one provider, `people/<a>+<b>.yaml` for people on several.
    case provider
    /// `people/<department>.yaml`, and `people/unassigned.yaml` for people without a department.
    case team
}
