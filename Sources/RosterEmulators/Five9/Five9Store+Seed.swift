extension Five9Store {
    /// The domain described by a seed's `vendor.skills`, `vendor.users` and `vendor.agentGroups`.
    ///
    /// Every problem is collected (STYLE R6): unknown fields, duplicate names, users without a role, unknown
    /// skills, levels outside 1–10, taken extensions, group members who are not users or lack the agent and
    /// supervisor roles.
    static func seeded(_ vendor: JSONObject, source: String) throws(SCIMEmulatorError) -> Five9Store {
        var reader = Five9JSONReader()
        var store = Five9Store()
        var problems: [String] = []
        for (position, value) in list(vendor["skills"], "skills", &problems).enumerated() {
            let path = "vendor.skills[\(position)]"
            guard let skill = reader.skill(value, at: path, id: store.ids.skill) else { continue }
            if store.skills[skill.name] != nil || store.skill(id: skill.id) != nil {
                problems.append("\(path): skill '\(skill.name)' (id \(skill.id)) is listed twice")
                continue
            }
            store.apply(.putSkill(skill))
        }
        for (position, value) in list(vendor["users"], "users", &problems).enumerated() {
            let path = "vendor.users[\(position)]"
            guard var user = reader.user(value, at: path) else { continue }
            if user.general[.id] == nil { user.general[.id] = String(store.ids.user) }
            if user.general[.active] == nil { user.general[.active] = "true" }
            problems += store.seedProblems(user, at: path)
            store.apply(.putUser(user))
        }
        for (position, value) in list(vendor["agentGroups"], "agentGroups", &problems).enumerated() {
            let path = "vendor.agentGroups[\(position)]"
            guard let group = reader.group(value, at: path, id: store.ids.group) else { continue }
            if store.groups[group.name] != nil || store.group(id: group.id) != nil {
                problems.append("\(path): agent group '\(group.name)' (id \(group.id)) is listed twice")
                continue
            }
            do {
                try store.checkMembers(group.agents)
            } catch {
                problems.append("\(path).agents: \(error.message)")
            }
            store.apply(.putGroup(group.withoutMembers, previousName: nil))
            store.apply(.addAgents(group: group.name, group.agents))
        }
        let all = reader.problems + problems
        guard all.isEmpty else { throw SCIMEmulatorError(.invalidSeed, file: source, problems: all) }
        return store
    }

    private static func list(_ value: JSONValue?, _ key: String, _ problems: inout [String]) -> [JSONValue] {
        guard let value else { return [] }
        guard case .array(let list) = value else {
            problems.append("vendor.\(key) must be an array")
            return []
        }
        return list
    }

    private func seedProblems(_ user: Five9User, at path: String) -> [String] {
        var problems: [String] = []
        if users[user.userName] != nil || self.user(id: user.id) != nil {
            problems.append("\(path): user '\(user.userName)' (id \(user.id)) is listed twice")
        }
        if user.roles.isEmpty { problems.append("\(path).roles: a user needs at least one role") }
        for skill in user.skills.keys.sorted() where skills[skill] == nil {
            problems.append("\(path).skills: skill '\(skill)' is not in vendor.skills")
        }
        if let ext = user.general.extensionNumber, let owner = userName(withExtension: ext) {
            problems.append("\(path).extension \(ext) is already used by '\(owner)'")
        }
        return problems
    }
}
