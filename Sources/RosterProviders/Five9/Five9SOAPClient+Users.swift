extension Five9SOAPClient {
    /// The kinds of user-skill change (`userSkillAdd`, `userSkillModify`, `userSkillRemove`).
    package enum SkillChange: String, Sendable, CaseIterable {
        /// Assigns a skill at a level.
        case add = "userSkillAdd"
        /// Changes the level of an assigned skill.
        case modify = "userSkillModify"
        /// Removes an assigned skill (the level is sent too: the XSD requires it).
        case remove = "userSkillRemove"
    }

    /// `getUsersInfo`: users whose userName matches the (Java) regular expression, with roles, skills and groups.
    package func usersInfo(matching pattern: String = ".*") async throws -> [Five9Wire.UserInfo] {
        // Role permissions are most of the answer (every type, true or false: five9.md §7.2); roster never reads them.
        try await call(
            "getUsersInfo", Five9Request.UserPattern(userNamePattern: pattern), skipping: ["permissions"],
            item: Five9Wire.UserInfo.init)
    }

    /// `getUsersGeneralInfo`: general info only, lighter than `usersInfo`.
    package func usersGeneralInfo(matching pattern: String = ".*") async throws -> [Five9Wire.UserGeneralInfo] {
        try await call(
            "getUsersGeneralInfo", Five9Request.UserPattern(userNamePattern: pattern),
            item: Five9Wire.UserGeneralInfo.init)
    }

    /// The user with exactly this userName (case-sensitive, as Five9 is), or nil.
    package func user(named userName: String) async throws -> Five9Wire.UserInfo? {
        try await usersInfo(matching: Self.exactPattern(userName)).first { $0.generalInfo?.userName == userName }
    }

    /// The users whose userName equals `key` ignoring case (roster's keys are lowercased; Five9's names are not).
    package func users(matchingKey key: String) async throws -> [Five9Wire.UserInfo] {
        try await usersInfo(matching: "(?i)" + Self.exactPattern(key)).filter {
            $0.generalInfo?.userName?.lowercased() == key.lowercased()
        }
    }

    /// `createUser`; returns the created user as the service echoes it.
    package func createUser(_ info: Five9Wire.UserInfo) async throws -> Five9Wire.UserInfo? {
        try await call(
            "createUser", Five9Request.CreateUser(userInfo: info), skipping: ["permissions"],
            item: Five9Wire.UserInfo.init
        ).first
    }

    /// `modifyUser`: sets general info, adds or replaces roles, removes roles (by `userRoleType`: `DomainAdmin`,
    /// `Agent`, `Supervisor`, `Reporting`); returns the user after the change.
    package func modifyUser(
        _ generalInfo: Five9Wire.UserGeneralInfo, rolesToSet: Five9Wire.UserRoles? = nil, rolesToRemove: [String] = []
    ) async throws -> Five9Wire.UserInfo? {
        let request = Five9Request.ModifyUser(
            userGeneralInfo: generalInfo, rolesToSet: rolesToSet,
            rolesToRemove: rolesToRemove.isEmpty ? nil : rolesToRemove)
        return try await call("modifyUser", request, skipping: ["permissions"], item: Five9Wire.UserInfo.init).first
    }

    /// `deleteUser`.
    package func deleteUser(_ userName: String) async throws {
        try await call("deleteUser", Five9Request.UserName(userName: userName))
    }

    /// `userSkillAdd`, `userSkillModify` or `userSkillRemove`, spaced from the previous one by the budget.
    package func changeSkill(_ change: SkillChange, _ skill: Five9Wire.UserSkill) async throws {
        try await call(change.rawValue, Five9Request.UserSkill(userSkill: skill))
    }

    /// A pattern that matches exactly `name`: regex metacharacters are backslash-escaped, which Java (and ICU)
    /// read as literals (five9.md §6).
    package static func exactPattern(_ name: String) -> String {
        var pattern = ""
        pattern.reserveCapacity(name.count + 8)
        for character in name {
            if "\\^$.|?*+()[]{}".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }
}
