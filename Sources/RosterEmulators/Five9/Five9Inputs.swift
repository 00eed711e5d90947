/// A `userInfo` as sent to `createUser` (five9.md §3.1), decoded from the request.
struct Five9UserInput: Sendable, Equatable {
    /// The `generalInfo` fields that were sent.
    var general = Five9GeneralInfo()
    /// `generalInfo.password`, if sent (never stored).
    var password: String?
    /// The roles sent, one update per role element.
    var roles: [Five9RoleUpdate] = []
    /// The `skills` rows.
    var skills: [Five9UserSkillInput] = []
    /// `agentGroups`.
    var agentGroups: [String] = []
    /// `cannedReports`.
    var cannedReports: [Five9CannedReport] = []
    /// The SCIM `externalId` (SCIM face only).
    var externalId: String?
}

/// A `userSkill` as sent (five9.md §3.4): `id` is the skill's id; `level` is required by the XSD.
struct Five9UserSkillInput: Sendable, Equatable {
    var id: Int64?
    var level: Int?
    var skillName: String?
    var userName: String?
}

/// A `skill` as sent to `createSkill` or `modifySkill`: the fields present.
struct Five9SkillInput: Sendable, Equatable {
    var description: String?
    var id: Int64?
    var messageOfTheDay: String?
    var name: String?
    var routeVoiceMails: Bool?
}

/// An `agentGroup` as sent to `createAgentGroup` or `modifyAgentGroup`.
struct Five9GroupInput: Sendable, Equatable {
    var agents: [String] = []
    var description: String?
    var id: Int64?
    var name: String?
}

/// The domain's password policy (`vccConfiguration.passwordPolicies`, five9.md §3.5); a new password that breaks
/// it is refused with `InvalidAccountFault`.
struct Five9PasswordPolicy: Sendable, Equatable {
    var minPasswordLength = 8
    var minCapitalCharacters = 0
    var minNumberCharacters = 1
    var minSpecialCharacters = 0

    /// What is wrong with `password`, or nil if it is acceptable.
    func problem(with password: String) -> String? {
        let scalars = password.unicodeScalars
        let capitals = scalars.filter { $0.properties.isUppercase }.count
        let digits = scalars.filter { ("0"..."9").contains($0) }.count
        let specials = scalars.filter { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }.count
        if password.count < minPasswordLength { return "at least \(minPasswordLength) characters" }
        if capitals < minCapitalCharacters { return "at least \(minCapitalCharacters) capital letters" }
        if digits < minNumberCharacters { return "at least \(minNumberCharacters) digits" }
        if specials < minSpecialCharacters { return "at least \(minSpecialCharacters) special characters" }
        return nil
    }
}
