/// A Five9 user as the emulator stores it: general info, roles, skill levels and canned reports.
public struct Five9User: Sendable, Hashable {
    /// `userGeneralInfo`; `userName` and `id` are always set.
    public internal(set) var general: Five9GeneralInfo
    /// The user's roles.
    public internal(set) var roles = Five9Roles()
    /// Skill name → level (1 highest … 10 lowest).
    public internal(set) var skills: [String: Int] = [:]
    /// `cannedReports`.
    public internal(set) var cannedReports: [Five9CannedReport] = []
    /// The SCIM `externalId` (SCIM face only; not part of the SOAP model).
    public internal(set) var externalId: String?
    /// Referenced by other objects (campaigns…), so `deleteUser` answers `UserCantBeDeletedFault` (seed only).
    public internal(set) var inUse = false
    /// The agent groups the user belongs to, sorted; filled in when read through `Five9Emulator`.
    public internal(set) var agentGroups: [String] = []

    /// A user with `general` and nothing else.
    init(general: Five9GeneralInfo) {
        self.general = general
    }

    /// The login name (the key; case-sensitive, never changes).
    public var userName: String { general.userName ?? "" }
    /// The server-assigned id.
    public var id: Int64 { general.id ?? 0 }
    /// Whether the account is enabled.
    public var active: Bool { general.active }
}

/// A skill (`skill`, five9.md §3.4).
public struct Five9Skill: Sendable, Hashable {
    /// The server-assigned id.
    public internal(set) var id: Int64
    /// The name (the key; case-sensitive).
    public internal(set) var name: String
    /// `description`.
    public internal(set) var description: String?
    /// `messageOfTheDay`.
    public internal(set) var messageOfTheDay: String?
    /// `routeVoiceMails`.
    public internal(set) var routeVoiceMails: Bool?
    /// Referenced by campaigns or IVR scripts, so `deleteSkill` answers `SkillCantBeDeletedFault` (seed only).
    public internal(set) var inUse = false
}

/// An agent group (`agentGroup`, five9.md §3.4).
public struct Five9AgentGroup: Sendable, Hashable {
    /// The server-assigned id.
    public internal(set) var id: Int64
    /// The name (the key; case-sensitive; may change through `modifyAgentGroup`).
    public internal(set) var name: String
    /// `description`.
    public internal(set) var description: String?
    /// The member user names.
    public internal(set) var members: Set<String> = []

    /// The member user names, sorted (the order `agents` is written in).
    public var agents: [String] { members.sorted() }

    /// The same group without its members (what a `putGroup` mutation carries).
    var withoutMembers: Five9AgentGroup {
        var copy = self
        copy.members = []
        return copy
    }
}
