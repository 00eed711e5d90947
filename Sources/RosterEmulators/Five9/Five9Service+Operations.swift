extension Five9Service {
    /// Runs an operation: decodes its arguments, checks and commits the change, and writes the `return` elements
    /// (none for a void operation) into `out`, or returns them when they are written as the answer is read (the
    /// user listings).
    func perform(
        _ operation: Five9Operation, _ arguments: XMLReader, admin: String, into out: inout XMLWriter
    ) throws(Five9Fault) -> Five9UsersAnswer? {
        switch operation {
        case .createUser: try createUser(arguments, into: &out)
        case .modifyUser: try modifyUser(arguments, into: &out)
        case .deleteUser: try commit(try store.deleteUser(arguments.string("userName")))
        case .getUsersInfo: return try usersAnswer(arguments.string("userNamePattern"), general: false)
        case .getUsersGeneralInfo: return try usersAnswer(arguments.string("userNamePattern"), general: true)
        case .getUserInfo: try userInfo(arguments.string("userName"), general: false, into: &out)
        case .getUserGeneralInfo: try userInfo(arguments.string("userName"), general: true, into: &out)
        case .userSkillAdd, .userSkillModify, .userSkillRemove:
            let change = Five9Store.SkillChange(rawValue: operation.rawValue)!
            let row = try arguments.child("userSkill").map { (node) throws(Five9Fault) in
                try Five9RequestDecoder.userSkill(node)
            }
            try commit(try store.changeUserSkill(change, row))
        case .getSkills: try skills(arguments.string("skillNamePattern"), info: false, into: &out)
        case .getSkillsInfo: try skills(arguments.string("skillNamePattern"), info: true, into: &out)
        case .getSkill: try skill(arguments.string("skillName"), info: false, into: &out)
        case .getSkillInfo: try skill(arguments.string("skillName"), info: true, into: &out)
        case .createSkill: try createSkill(arguments, into: &out)
        case .modifySkill: try modifySkill(arguments, into: &out)
        case .deleteSkill: try commit(try store.deleteSkill(arguments.string("skillName")))
        case .getAgentGroups: try agentGroups(arguments.string("groupNamePattern"), into: &out)
        case .getAgentGroup: try agentGroup(arguments.string("groupName"), into: &out)
        case .createAgentGroup: try createAgentGroup(arguments, into: &out)
        case .modifyAgentGroup:
            let group = try arguments.child("group").map { (node) throws(Five9Fault) in
                try Five9RequestDecoder.agentGroup(node)
            }
            try commit(
                try store.modifyAgentGroup(
                    group, add: arguments.strings("addAgents"), remove: arguments.strings("removeAgents")))
        case .deleteAgentGroup: try commit(try store.deleteAgentGroup(arguments.string("groupName")))
        case .getCallCountersState: callCountersState(admin: admin, into: &out)
        case .getApiVersions: apiVersions(into: &out)
        case .getVCCConfiguration: vccConfiguration(into: &out)
        case .closeSession: break
        }
        return nil
    }

    private func createUser(_ arguments: XMLReader, into out: inout XMLWriter) throws(Five9Fault) {
        guard let node = arguments.child("userInfo") else { throw .missedArgument("userInfo") }
        let input = try Five9RequestDecoder.userInfo(node)
        try commit(try store.createUser(input, rules: config.rules, extensionCursor: &extensionCursor))
        if input.password != nil { stats.passwordsSet += 1 }
        try userInfo(input.general.userName, general: false, into: &out)
    }

    private func modifyUser(_ arguments: XMLReader, into out: inout XMLWriter) throws(Five9Fault) {
        guard let node = arguments.child("userGeneralInfo") else { throw .missedArgument("userGeneralInfo") }
        let (patch, password) = try Five9RequestDecoder.generalInfo(node)
        let rolesToSet = try arguments.child("rolesToSet").map { (node) throws(Five9Fault) in
            try Five9RequestDecoder.roles(node)
        }
        let rolesToRemove = try Five9RequestDecoder.roleTypes(arguments.strings("rolesToRemove"))
        try commit(
            try store.modifyUser(
                patch, password: password, rolesToSet: rolesToSet ?? [], rolesToRemove: rolesToRemove,
                rules: config.rules))
        if password != nil { stats.passwordsSet += 1 }
        try userInfo(patch.userName, general: false, into: &out)
    }

    private func createSkill(_ arguments: XMLReader, into out: inout XMLWriter) throws(Five9Fault) {
        guard let node = arguments.child("skillInfo") else { throw .missedArgument("skillInfo") }
        let (skill, rows) = try Five9RequestDecoder.skillInfo(node)
        try commit(try store.createSkill(skill, users: rows))
        try self.skill(skill?.name, info: true, into: &out)
    }

    private func modifySkill(_ arguments: XMLReader, into out: inout XMLWriter) throws(Five9Fault) {
        guard let node = arguments.child("skill") else { throw .missedArgument("skill") }
        let skill = try Five9RequestDecoder.skill(node)
        try commit(try store.modifySkill(skill))
        try self.skill(skill.name, info: true, into: &out)
    }

    private func createAgentGroup(_ arguments: XMLReader, into out: inout XMLWriter) throws(Five9Fault) {
        guard let node = arguments.child("group") else { throw .missedArgument("group") }
        let group = try Five9RequestDecoder.agentGroup(node)
        try commit(try store.createAgentGroup(group))
        try agentGroup(group.name, into: &out)
    }
}
