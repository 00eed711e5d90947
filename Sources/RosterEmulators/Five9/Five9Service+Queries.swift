extension Five9Service {
    /// `getUsersInfo` / `getUsersGeneralInfo`: one `return` per matching user, in creation order, written as the
    /// answer is read when there are several (see `Five9SOAP.ResponseWriter.finish(streaming:)`).
    ///
    /// The pattern is compiled once; an exact-name pattern is a dictionary lookup, `.*` or none lists everyone.
    func usersAnswer(_ pattern: String?, general: Bool) throws(Five9Fault) -> Five9UsersAnswer {
        let matcher = try Five9NamePattern.compile(pattern, mode: config.patternMode)
        let names: [String] =
            switch matcher {
            case .exact(let name): store.users[name] == nil ? [] : [name]
            case .all: store.users.names
            case .prefix, .regex: store.users.names.filter(matcher.matches)
            }
        return Five9UsersAnswer(
            store: store, userNames: names, general: general, fullPermissionLists: config.fullPermissionLists)
    }

    /// `getUserInfo` / `getUserGeneralInfo` (and the answer of `createUser`/`modifyUser`).
    func userInfo(_ userName: String?, general: Bool, into out: inout XMLWriter) throws(Five9Fault) {
        guard let userName, !userName.isEmpty else { throw .missedArgument("userName") }
        guard store.users[userName] != nil else { throw .userNotFound(userName) }
        Five9UsersAnswer(
            store: store, userNames: [userName], general: general, fullPermissionLists: config.fullPermissionLists
        ).write(into: &out)
    }

    /// `getSkills` / `getSkillsInfo`.
    func skills(_ pattern: String?, info: Bool, into out: inout XMLWriter) throws(Five9Fault) {
        let matcher = try Five9NamePattern.compile(pattern, mode: config.patternMode)
        for skill in store.skills.all where matcher.matches(skill.name) { write(skill, info: info, into: &out) }
    }

    /// `getSkill` / `getSkillInfo` (and the answer of `createSkill`/`modifySkill`).
    func skill(_ name: String?, info: Bool, into out: inout XMLWriter) throws(Five9Fault) {
        guard let name, !name.isEmpty else { throw .missedArgument("skillName") }
        guard let skill = store.skills[name] else { throw .skillNotFound(name) }
        write(skill, info: info, into: &out)
    }

    private func write(_ skill: Five9Skill, info: Bool, into out: inout XMLWriter) {
        let encoder = Five9ResponseEncoder(fullPermissionLists: config.fullPermissionLists)
        out.open("return")
        if info {
            let members = store.userNames(holding: skill.name).compactMap { name in
                store.users[name]?.skills[skill.name].map { (name, $0) }
            }
            encoder.skillInfo(skill, members: members, into: &out)
        } else {
            encoder.skill(skill, into: &out)
        }
        out.close("return")
    }

    /// `getAgentGroups`; an empty pattern lists every group, like `.*`.
    func agentGroups(_ pattern: String?, into out: inout XMLWriter) throws(Five9Fault) {
        let matcher = try Five9NamePattern.compile(pattern, mode: config.patternMode)
        let encoder = Five9ResponseEncoder(fullPermissionLists: config.fullPermissionLists)
        for group in store.groups.all where matcher.matches(group.name) {
            out.open("return")
            encoder.agentGroup(group, into: &out)
            out.close("return")
        }
    }

    /// `getAgentGroup` (and the answer of `createAgentGroup`): `ObjectNotFoundFault` if there is none.
    func agentGroup(_ name: String?, into out: inout XMLWriter) throws(Five9Fault) {
        guard let name, !name.isEmpty else { throw .missedArgument("groupName") }
        guard let group = store.groups[name] else { throw .objectNotFound("AgentGroup", name) }
        out.open("return")
        Five9ResponseEncoder(fullPermissionLists: config.fullPermissionLists).agentGroup(group, into: &out)
        out.close("return")
    }

    /// `getCallCountersState` (five9.md §2.2): one `limitTimeoutState` per window (timeout 60, 3600, 86400),
    /// each with the Query and Modify counters of the caller (or the domain).
    func callCountersState(admin: String, into out: inout XMLWriter) {
        let seconds = localSeconds()
        for window in Five9CallCounters.Window.allCases {
            out.open("return")
            for category in Five9CallCounters.Category.allCases {
                out.open("callCounterStates")
                out.element("limit", String(counters.limits.limit(category, window)))
                out.element("operationType", category.rawValue)
                out.element("value", String(counters.value(category, window, scope: counterScope(admin), at: seconds)))
                out.close("callCounterStates")
            }
            out.element("timeout", String(window.rawValue))
            out.close("return")
        }
    }

    /// `getApiVersions`.
    func apiVersions(into out: inout XMLWriter) {
        out.raw("<return><maxVersion>v13</maxVersion><minVersion>v9_3</minVersion></return>")
    }

    /// `getVCCConfiguration`: the domain name and id, extension settings and password policy.
    func vccConfiguration(into out: inout XMLWriter) {
        let policy = config.rules.passwordPolicy
        out.open("return")
        out.element("domainId", "1")
        out.element("domainName", config.domainName)
        out.open("extensionSettings")
        out.element("maximalExtensionLength", "10")
        out.element("minimalExtensionLength", "1")
        out.element("minimalGeneratedExtension", String(config.rules.minimalGeneratedExtension))
        out.close("extensionSettings")
        out.open("passwordPolicies")
        out.element("minCapitalCharacters", String(policy.minCapitalCharacters))
        out.element("minNumberCharacters", String(policy.minNumberCharacters))
        out.element("minPasswordLength", String(policy.minPasswordLength))
        out.element("minSpecialCharacters", String(policy.minSpecialCharacters))
        out.close("passwordPolicies")
        out.close("return")
    }
}
