/// One committed change to the Five9 domain; the journal records exactly these, so replaying them rebuilds it.
enum Five9Mutation: Sendable, Equatable {
    /// Creates or replaces a user (by `userName`), including its skill levels.
    case putUser(Five9User)
    /// Removes a user, its skill rows and its agent-group memberships.
    case deleteUser(String)
    /// Creates or replaces a skill (by name).
    case putSkill(Five9Skill)
    /// Removes a skill and every user's row for it.
    case deleteSkill(String)
    /// Creates a group, or changes (and maybe renames) the one named `previousName`, keeping its members.
    case putGroup(Five9AgentGroup, previousName: String?)
    /// Sets a group's members to exactly these user names.
    case setAgents(group: String, [String])
    /// Adds users to a group.
    case addAgents(group: String, [String])
    /// Removes users from a group.
    case removeAgents(group: String, [String])
    /// Removes a group (its members stay).
    case deleteGroup(String)
}

/// The next ids handed out per object type (real ids are `xs:long`; these start where real-looking ones do).
struct Five9IDCounters: Sendable, Equatable {
    var user: Int64 = 3_000_001
    var skill: Int64 = 266_001
    var group: Int64 = 1_501
}

/// The Five9 domain: users, skills and agent groups with the indexes that keep every lookup O(1).
///
/// A value type with no I/O; the service actor decides, journals and then applies `Five9Mutation`s.
struct Five9Store: Sendable {
    private(set) var users = Five9Table<Five9User>()
    private(set) var skills = Five9Table<Five9Skill>()
    private(set) var groups = Five9Table<Five9AgentGroup>()
    /// The next ids.
    var ids = Five9IDCounters()
    private var userNameByID: [Int64: String] = [:]
    private var skillNameByID: [Int64: String] = [:]
    private var groupNameByID: [Int64: String] = [:]
    private var groupsByUser: [String: Set<String>] = [:]
    private var usersBySkill: [String: Set<String>] = [:]
    private var userByExtension: [String: String] = [:]

    /// The user with id `id`.
    func user(id: Int64) -> Five9User? {
        userNameByID[id].flatMap { users[$0] }
    }

    /// The skill with id `id`.
    func skill(id: Int64) -> Five9Skill? {
        skillNameByID[id].flatMap { skills[$0] }
    }

    /// The group with id `id`.
    func group(id: Int64) -> Five9AgentGroup? {
        groupNameByID[id].flatMap { groups[$0] }
    }

    /// The names of the groups `userName` belongs to, sorted.
    func groupNames(of userName: String) -> [String] {
        groupsByUser[userName].map { $0.sorted() } ?? []
    }

    /// The users holding `skillName`, sorted.
    func userNames(holding skillName: String) -> [String] {
        usersBySkill[skillName].map { $0.sorted() } ?? []
    }

    /// The user whose extension is `ext`.
    func userName(withExtension ext: String) -> String? {
        userByExtension[ext]
    }

    /// Applies a committed change and keeps every index in step.
    mutating func apply(_ mutation: Five9Mutation) {
        switch mutation {
        case .putUser(let user): putUser(user)
        case .deleteUser(let name): deleteUser(name)
        case .putSkill(let skill):
            skills.upsert(skill, name: skill.name)
            skillNameByID[skill.id] = skill.name
            ids.skill = max(ids.skill, skill.id + 1)
        case .deleteSkill(let name): deleteSkill(name)
        case .putGroup(let group, let previousName): putGroup(group, previousName: previousName)
        case .setAgents(let name, let agents):
            removeAgents(groups[name]?.agents ?? [], from: name)
            addAgents(agents, to: name)
        case .addAgents(let name, let agents): addAgents(agents, to: name)
        case .removeAgents(let name, let agents): removeAgents(agents, from: name)
        case .deleteGroup(let name):
            guard let group = groups.remove(name) else { return }
            groupNameByID[group.id] = nil
            for member in group.members { groupsByUser[member]?.remove(name) }
        }
    }

    private mutating func putUser(_ user: Five9User) {
        var user = user
        user.agentGroups = []
        let name = user.userName
        if let old = users[name] {
            for skill in old.skills.keys where user.skills[skill] == nil { usersBySkill[skill]?.remove(name) }
            if let ext = old.general.extensionNumber, userByExtension[ext] == name { userByExtension[ext] = nil }
        }
        for skill in user.skills.keys { usersBySkill[skill, default: []].insert(name) }
        if let ext = user.general.extensionNumber { userByExtension[ext] = name }
        users.upsert(user, name: name)
        userNameByID[user.id] = name
        ids.user = max(ids.user, user.id + 1)
    }

    private mutating func deleteUser(_ name: String) {
        guard let user = users.remove(name) else { return }
        userNameByID[user.id] = nil
        for skill in user.skills.keys { usersBySkill[skill]?.remove(name) }
        if let ext = user.general.extensionNumber, userByExtension[ext] == name { userByExtension[ext] = nil }
        for group in groupsByUser.removeValue(forKey: name) ?? [] {
            groups.modify(group) { $0.members.remove(name) }
        }
    }

    private mutating func deleteSkill(_ name: String) {
        guard let skill = skills.remove(name) else { return }
        skillNameByID[skill.id] = nil
        for user in usersBySkill.removeValue(forKey: name) ?? [] {
            users.modify(user) { $0.skills[name] = nil }
        }
    }

    private mutating func putGroup(_ group: Five9AgentGroup, previousName: String?) {
        let old = previousName ?? group.name
        var stored = group
        stored.members = groups[old]?.members ?? []
        if old != group.name, groups[old] != nil {
            groups.rename(old, to: group.name)
            for member in stored.members {
                groupsByUser[member]?.remove(old)
                groupsByUser[member, default: []].insert(group.name)
            }
        }
        groups.upsert(stored, name: group.name)
        groupNameByID[group.id] = group.name
        ids.group = max(ids.group, group.id + 1)
    }

    private mutating func addAgents(_ agents: [String], to name: String) {
        guard groups[name] != nil else { return }
        groups.modify(name) { $0.members.formUnion(agents) }
        for agent in agents { groupsByUser[agent, default: []].insert(name) }
    }

    private mutating func removeAgents(_ agents: [String], from name: String) {
        guard groups[name] != nil else { return }
        groups.modify(name) { $0.members.subtract(agents) }
        for agent in agents { groupsByUser[agent]?.remove(name) }
    }
}
