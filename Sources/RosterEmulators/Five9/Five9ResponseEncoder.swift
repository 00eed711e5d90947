/// Writes the service's types in WSDL element order (five9.md §3), omitting absent fields and never a password.
struct Five9ResponseEncoder {
    /// Every permission type of a role with its value (the service's behaviour, five9.md §7.2), or only the
    /// granted ones.
    let fullPermissionLists: Bool
    private var roleCache: [Five9Role: [UInt8]] = [:]

    init(fullPermissionLists: Bool) {
        self.fullPermissionLists = fullPermissionLists
    }

    /// `<permissions><type>T</type><value>true|false</value></permissions>` for every type, by role and index.
    private static let permissionElements: [Five9RoleKind: (granted: [[UInt8]], denied: [[UInt8]])] = Dictionary(
        uniqueKeysWithValues: Five9RoleKind.allCases.map { kind in
            let chunk = { (type: String, value: Bool) in
                Array("<permissions><type>\(type)</type><value>\(value)</value></permissions>".utf8)
            }
            return (kind, (kind.permissionTypes.map { chunk($0, true) }, kind.permissionTypes.map { chunk($0, false) }))
        })

    /// A `userInfo`'s children.
    mutating func userInfo(_ user: Five9User, groups: [String], skillID: (String) -> Int64?, into out: inout XMLWriter)
    {
        for group in groups { out.element("agentGroups", group) }
        for report in user.cannedReports {
            out.open("cannedReports")
            out.element("index", ifSet: report.index.map { String($0) })
            out.element("name", ifSet: report.name)
            out.close("cannedReports")
        }
        out.open("generalInfo")
        generalInfo(user.general, into: &out)
        out.close("generalInfo")
        out.open("roles")
        for kind in user.roles.kinds {
            guard let role = user.roles[kind] else { continue }
            self.role(role, into: &out)
        }
        out.close("roles")
        for (skill, level) in user.skills.sorted(by: { $0.key < $1.key }) {
            userSkill(id: skillID(skill), level: level, skillName: skill, userName: user.userName, into: &out)
        }
    }

    /// A `userGeneralInfo`'s children (never `password`); `mediaTypeConfig` goes between `locale` and
    /// `mustChangePassword`.
    func generalInfo(_ info: Five9GeneralInfo, into out: inout XMLWriter) {
        var wroteMediaTypes = false
        for (field, value) in info.setFields {
            if !wroteMediaTypes, field.rawValue > Five9GeneralInfo.Field.locale.rawValue {
                mediaTypeConfig(info, into: &out)
                wroteMediaTypes = true
            }
            out.element(field.elementName, value)
        }
        if !wroteMediaTypes { mediaTypeConfig(info, into: &out) }
    }

    private func mediaTypeConfig(_ info: Five9GeneralInfo, into out: inout XMLWriter) {
        guard let types = info.mediaTypes else { return }
        out.open("mediaTypeConfig")
        for item in types {
            out.open("mediaTypes")
            out.element("enabled", ifSet: item.enabled.map { String($0) })
            out.element("intlligentRouting", ifSet: item.intelligentRouting.map { String($0) })
            out.element("maxAlowed", ifSet: item.maxAllowed.map { String($0) })
            out.element("type", ifSet: item.type)
            out.close("mediaTypes")
        }
        out.close("mediaTypeConfig")
    }

    /// One role element (`<agent>…</agent>`), cached by value since most users share a handful of roles.
    private mutating func role(_ role: Five9Role, into out: inout XMLWriter) {
        if let cached = roleCache[role] {
            out.raw(cached)
            return
        }
        var writer = XMLWriter(capacity: 4_096)
        let kind = role.kind
        writer.open(kind.rawValue)
        if kind == .agent {
            writer.element("alwaysRecorded", String(role.alwaysRecorded))
            writer.element("attachVmToEmail", String(role.attachVmToEmail))
        }
        let chunks = Self.permissionElements[kind]!
        for index in kind.permissionTypes.indices {
            let granted = role.permissions.bits & (1 << UInt64(index)) != 0
            if granted {
                writer.raw(chunks.granted[index])
            } else if fullPermissionLists {
                writer.raw(chunks.denied[index])
            }
        }
        if kind == .agent { writer.element("sendEmailOnVm", String(role.sendEmailOnVm)) }
        writer.close(kind.rawValue)
        roleCache[role] = writer.bytes
        out.raw(writer.bytes)
    }

    /// A `userSkill`'s children.
    func userSkill(id: Int64?, level: Int, skillName: String, userName: String, into out: inout XMLWriter) {
        out.open("skills")
        out.element("id", ifSet: id.map { String($0) })
        out.element("level", String(level))
        out.element("skillName", skillName)
        out.element("userName", userName)
        out.close("skills")
    }

    /// A `skill`'s children.
    func skill(_ skill: Five9Skill, into out: inout XMLWriter) {
        out.element("description", ifSet: skill.description)
        out.element("id", String(skill.id))
        out.element("messageOfTheDay", ifSet: skill.messageOfTheDay)
        out.element("name", skill.name)
        out.element("routeVoiceMails", ifSet: skill.routeVoiceMails.map { String($0) })
    }

    /// A `skillInfo`'s children: the skill and a `users` row per member (`id` is the skill's id).
    func skillInfo(_ skill: Five9Skill, members: [(userName: String, level: Int)], into out: inout XMLWriter) {
        out.open("skill")
        self.skill(skill, into: &out)
        out.close("skill")
        for member in members {
            out.open("users")
            out.element("id", String(skill.id))
            out.element("level", String(member.level))
            out.element("skillName", skill.name)
            out.element("userName", member.userName)
            out.close("users")
        }
    }

    /// An `agentGroup`'s children.
    func agentGroup(_ group: Five9AgentGroup, into out: inout XMLWriter) {
        for agent in group.agents { out.element("agents", agent) }
        out.element("description", ifSet: group.description)
        out.element("id", String(group.id))
        out.element("name", group.name)
    }
}
