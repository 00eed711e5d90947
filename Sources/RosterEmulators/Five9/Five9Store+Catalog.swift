extension Five9Store {
    /// `createSkill`: a new skill, optionally with member rows (five9.md §4.3).
    func createSkill(_ input: Five9SkillInput?, users rows: [Five9UserSkillInput]) throws(Five9Fault) -> [Five9Mutation]
    {
        guard let input, let name = input.name, !name.isEmpty else { throw .missedArgument("skillInfo.skill.name") }
        guard skills[name] == nil else { throw .skillAlreadyExists(name) }
        let skill = Five9Skill(
            id: ids.skill, name: name, description: input.description, messageOfTheDay: input.messageOfTheDay,
            routeVoiceMails: input.routeVoiceMails)
        var mutations: [Five9Mutation] = [.putSkill(skill)]
        var seen: Set<String> = []
        for row in rows {
            guard let userName = row.userName, !userName.isEmpty else { throw .missedArgument("users.userName") }
            guard var user = users[userName] else { throw .userNotFound(userName) }
            guard let level = row.level else { throw .missedArgument("users.level") }
            guard (1...10).contains(level) else {
                throw .incorrectArgument("Skill level \(level) for \"\(name)\" is out of range 1-10.")
            }
            guard seen.insert(userName).inserted else { continue }
            user.skills[name] = level
            mutations.append(.putUser(user))
        }
        return mutations
    }

    /// `modifySkill`: the skill named in `input`; fields left out keep their values.
    func modifySkill(_ input: Five9SkillInput?) throws(Five9Fault) -> [Five9Mutation] {
        guard let input, let name = input.name, !name.isEmpty else { throw .missedArgument("skill.name") }
        guard var skill = skills[name] else { throw .skillNotFound(name) }
        if let description = input.description { skill.description = description }
        if let message = input.messageOfTheDay { skill.messageOfTheDay = message }
        if let route = input.routeVoiceMails { skill.routeVoiceMails = route }
        return skill == skills[name] ? [] : [.putSkill(skill)]
    }

    /// `deleteSkill`: also drops every user's row for it.
    func deleteSkill(_ name: String?) throws(Five9Fault) -> [Five9Mutation] {
        guard let name, !name.isEmpty else { throw .missedArgument("skillName") }
        guard let skill = skills[name] else { throw .skillNotFound(name) }
        guard !skill.inUse else { throw .skillCantBeDeleted(name) }
        return [.deleteSkill(name)]
    }

    /// `createAgentGroup`: a new group, optionally with agents who must have the agent or supervisor role.
    func createAgentGroup(_ input: Five9GroupInput?) throws(Five9Fault) -> [Five9Mutation] {
        guard let input, let name = input.name, !name.isEmpty else { throw .missedArgument("group.name") }
        if let existing = groups[name] { throw .objectAlreadyExists("AgentGroup", name, id: existing.id) }
        try checkMembers(input.agents)
        let group = Five9AgentGroup(id: ids.group, name: name, description: input.description)
        var mutations: [Five9Mutation] = [.putGroup(group, previousName: nil)]
        if !input.agents.isEmpty { mutations.append(.addAgents(group: name, Array(Set(input.agents)).sorted())) }
        return mutations
    }

    /// `modifyAgentGroup` (five9.md §4.4): `group` names the group (by `id` when sent, else `name`) and its
    /// parameters replace the stored ones: a new `name` renames it, `description` is set (cleared when left out)
    /// and `agents` becomes the member list; then `addAgents` are added and `removeAgents` removed.
    func modifyAgentGroup(
        _ input: Five9GroupInput?, add: [String], remove: [String]
    ) throws(Five9Fault) -> [Five9Mutation] {
        guard let input else { throw .missedArgument("group") }
        let current: Five9AgentGroup
        if let id = input.id {
            guard let group = group(id: id) else { throw .objectNotFound("AgentGroup", input.name ?? "", id: id) }
            current = group
        } else {
            guard let name = input.name, !name.isEmpty else { throw .missedArgument("group.name") }
            guard let group = groups[name] else { throw .objectNotFound("AgentGroup", name) }
            current = group
        }
        let name = input.name.flatMap { $0.isEmpty ? nil : $0 } ?? current.name
        return try updateAgentGroup(
            current, name: name, description: input.description, members: input.agents, add: add, remove: remove)
    }

    /// Renames a group, sets its description and changes its members.
    ///
    /// `members` (when given) replaces them, then
    /// `add` joins and `remove` leaves. Without `members` the work is O(add + remove), whatever the group's size.
    func updateAgentGroup(
        _ current: Five9AgentGroup, name: String, description: String?, members replacement: [String]?,
        add: [String], remove: [String]
    ) throws(Five9Fault) -> [Five9Mutation] {
        if name != current.name, let taken = groups[name] {
            throw .objectAlreadyExists("AgentGroup", name, id: taken.id)
        }
        for userName in remove where users[userName] == nil { throw .objectNotFound("User", userName) }
        let leaving = Set(remove)
        let added: Set<String>
        let removed: Set<String>
        if let replacement {
            var members = Set(replacement).union(add)
            members.subtract(leaving)
            added = members.subtracting(current.members)
            removed = current.members.subtracting(members)
        } else {
            added = Set(add.filter { !current.members.contains($0) && !leaving.contains($0) })
            removed = leaving.intersection(current.members)
        }
        try checkMembers(added.sorted())
        let info = Five9AgentGroup(id: current.id, name: name, description: description)
        var mutations: [Five9Mutation] = []
        if info != current.withoutMembers { mutations.append(.putGroup(info, previousName: current.name)) }
        if !added.isEmpty { mutations.append(.addAgents(group: name, added.sorted())) }
        if !removed.isEmpty { mutations.append(.removeAgents(group: name, removed.sorted())) }
        return mutations
    }

    /// `deleteAgentGroup`; the members stay.
    func deleteAgentGroup(_ name: String?) throws(Five9Fault) -> [Five9Mutation] {
        guard let name, !name.isEmpty else { throw .missedArgument("groupName") }
        guard groups[name] != nil else { throw .objectNotFound("AgentGroup", name) }
        return [.deleteGroup(name)]
    }

    /// Every name is a user with the agent or supervisor role (five9.md §7.6).
    func checkMembers(_ userNames: [String]) throws(Five9Fault) {
        for userName in userNames {
            guard let user = users[userName] else { throw .objectNotFound("User", userName) }
            guard user.roles.qualifiesForAgentGroups else { throw .userHasNoRequiredRole(userName) }
        }
    }
}
