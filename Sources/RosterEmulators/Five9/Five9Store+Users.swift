/// What the domain checks besides the data model: the password policy and the generated extensions.
struct Five9Rules: Sendable, Equatable {
    /// The password policy.
    var passwordPolicy = Five9PasswordPolicy()
    /// The first extension handed out when `createUser` names none (`minimalGeneratedExtension`).
    var minimalGeneratedExtension = 1_000
    /// Whether `createUser` needs a password.
    var requiresPassword = true
}

extension Five9Store {
    /// `createUser`: checks the new user (five9.md §4.1) and returns the changes that create it.
    func createUser(
        _ input: Five9UserInput, rules: Five9Rules, extensionCursor: inout Int
    ) throws(Five9Fault) -> [Five9Mutation] {
        guard let userName = input.general.userName, !userName.isEmpty else {
            throw .missedArgument("userInfo.generalInfo.userName")
        }
        guard users[userName] == nil else { throw .userAlreadyExists(userName) }
        guard !input.roles.isEmpty else {
            throw .invalidUserData("User \"\(userName)\" must have at least one role.")
        }
        if let password = input.password {
            try checkPassword(password, rules: rules)
        } else if rules.requiresPassword {
            throw .invalidAccount("User \"\(userName)\": a password is required.")
        }
        var user = Five9User(general: Five9GeneralInfo())
        user.general.merge(input.general)
        user.general[.userName] = userName
        user.general[.id] = String(ids.user)
        if user.general[.active] == nil { user.general[.active] = "true" }
        for update in input.roles { user.roles[update.kind] = update.applied(to: user.roles[update.kind]) }
        user.cannedReports = input.cannedReports
        user.externalId = input.externalId
        try checkGeneral(user.general, of: userName)
        if user.general.extensionNumber == nil {
            user.general[.extensionNumber] = freeExtension(&extensionCursor, rules: rules)
        }
        for row in input.skills {
            let (skill, level) = try checkSkillRow(row, userName: userName)
            user.skills[skill.name] = level
        }
        var mutations: [Five9Mutation] = [.putUser(user)]
        for group in Set(input.agentGroups).sorted() {
            guard groups[group] != nil else { throw .objectNotFound("AgentGroup", group) }
            guard user.roles.qualifiesForAgentGroups else { throw .userHasNoRequiredRole(userName) }
            mutations.append(.addAgents(group: group, [userName]))
        }
        return mutations
    }

    /// `modifyUser`: general info (omitted fields unchanged), then `rolesToSet`, then `rolesToRemove`.
    func modifyUser(
        _ patch: Five9GeneralInfo, password: String?, rolesToSet: [Five9RoleUpdate],
        rolesToRemove: [Five9RoleKind], rules: Five9Rules
    ) throws(Five9Fault) -> [Five9Mutation] {
        guard let userName = patch.userName, !userName.isEmpty else {
            throw .missedArgument("userGeneralInfo.userName")
        }
        guard var user = users[userName] else { throw .userNotFound(userName) }
        if let password { try checkPassword(password, rules: rules) }
        user.general.merge(patch)
        try checkGeneral(user.general, of: userName)
        for update in rolesToSet { user.roles[update.kind] = update.applied(to: user.roles[update.kind]) }
        for kind in rolesToRemove { user.roles[kind] = nil }
        guard !user.roles.isEmpty else {
            throw .invalidUserData("User \"\(userName)\" must keep at least one role.")
        }
        if !user.roles.qualifiesForAgentGroups, !groupNames(of: userName).isEmpty {
            throw .userHasNoRequiredRole(userName)
        }
        return [.putUser(user)]
    }

    /// Stores `user` in place of the user with its name (the SCIM face's PUT and PATCH), after the same checks
    /// as `modifyUser`.
    func replaceUser(_ user: Five9User) throws(Five9Fault) -> [Five9Mutation] {
        guard let old = users[user.userName], old.id == user.id else { throw .userNotFound(user.userName) }
        try checkGeneral(user.general, of: user.userName)
        return user == old ? [] : [.putUser(user)]
    }

    /// `deleteUser`.
    func deleteUser(_ userName: String?) throws(Five9Fault) -> [Five9Mutation] {
        guard let userName, !userName.isEmpty else { throw .missedArgument("userName") }
        guard let user = users[userName] else { throw .userNotFound(userName) }
        guard !user.inUse else { throw .userCantBeDeleted(userName) }
        return [.deleteUser(userName)]
    }

    /// The operations on one user's skill row.
    enum SkillChange: String, Sendable {
        case add = "userSkillAdd"
        case modify = "userSkillModify"
        case remove = "userSkillRemove"
    }

    /// `userSkillAdd`, `userSkillModify`, `userSkillRemove` (five9.md §4.2).
    func changeUserSkill(_ change: SkillChange, _ row: Five9UserSkillInput?) throws(Five9Fault) -> [Five9Mutation] {
        guard let row else { throw .missedArgument("userSkill") }
        guard let userName = row.userName, !userName.isEmpty else { throw .missedArgument("userSkill.userName") }
        guard var user = users[userName] else { throw .userNotFound(userName) }
        let (skill, level) = try checkSkillRow(row, userName: userName)
        let has = user.skills[skill.name] != nil
        switch change {
        case .add:
            guard !has else { throw .userAlreadyHasSkill(userName, skill.name) }
            user.skills[skill.name] = level
        case .modify:
            guard has else { throw .userDoesntHaveSkill(userName, skill.name) }
            user.skills[skill.name] = level
        case .remove:
            guard has else { throw .userDoesntHaveSkill(userName, skill.name) }
            user.skills[skill.name] = nil
        }
        return [.putUser(user)]
    }

    /// The skill and level of a `userSkill` row: the skill must exist (and match `id` when sent), the level must
    /// be 1–10.
    func checkSkillRow(_ row: Five9UserSkillInput, userName: String) throws(Five9Fault) -> (Five9Skill, Int) {
        guard let skillName = row.skillName, !skillName.isEmpty else { throw .missedArgument("userSkill.skillName") }
        guard let skill = skills[skillName] else { throw .skillNotFound(skillName) }
        if let id = row.id, id != skill.id {
            throw .incorrectArgument(
                "Skill id \(id) does not belong to skill \"\(skillName)\" (its id is \(skill.id)).")
        }
        if let rowUser = row.userName, !rowUser.isEmpty, rowUser != userName {
            throw .incorrectArgument("The skill row names user \"\(rowUser)\", not \"\(userName)\".")
        }
        guard let level = row.level else { throw .missedArgument("userSkill.level") }
        guard (1...10).contains(level) else {
            throw .incorrectArgument("Skill level \(level) for \"\(skillName)\" is out of range 1-10.")
        }
        return (skill, level)
    }

    private func checkPassword(_ password: String, rules: Five9Rules) throws(Five9Fault) {
        if let problem = rules.passwordPolicy.problem(with: password) {
            throw .invalidAccount("The password does not satisfy the domain's password policy: it needs \(problem).")
        }
    }

    /// The locale exists (`ll-CC`), the extension is digits and nobody else's, booleans are booleans.
    func checkGeneral(_ general: Five9GeneralInfo, of userName: String) throws(Five9Fault) {
        if let locale = general.locale, !Self.isLocale(locale) { throw .localeNotFound(locale) }
        if let ext = general.extensionNumber {
            guard !ext.isEmpty, ext.count <= 10, ext.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                throw .invalidUserData("Extension \"\(ext)\" of user \"\(userName)\" must be 1-10 digits.")
            }
            if let owner = self.userName(withExtension: ext), owner != userName {
                throw .extensionAlreadyInUse(ext, by: owner)
            }
        }
    }

    private static func isLocale(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 5, scalars[2] == "-" else { return false }
        return scalars[0...1].allSatisfy { ("a"..."z").contains($0) }
            && scalars[3...4].allSatisfy { ("A"..."Z").contains($0) }
    }

    /// The next unused extension from `cursor` on (amortised O(1): the cursor only moves forward).
    private func freeExtension(_ cursor: inout Int, rules: Five9Rules) -> String {
        cursor = max(cursor, rules.minimalGeneratedExtension)
        while userName(withExtension: String(cursor)) != nil { cursor += 1 }
        defer { cursor += 1 }
        return String(cursor)
    }
}
