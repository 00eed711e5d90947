extension Five9Wire.UserInfo {
    /// Reads a `userInfo` element (a `<return>` of getUsersInfo, createUser or modifyUser).
    init(_ node: Five9XMLNode) {
        let groups = node.strings("agentGroups")
        let skills = node.all("skills").map(Five9Wire.UserSkill.init)
        self.init(
            agentGroups: groups.isEmpty ? nil : groups,
            generalInfo: node.child("generalInfo").map(Five9Wire.UserGeneralInfo.init),
            roles: node.child("roles").map(Five9Wire.UserRoles.init), skills: skills.isEmpty ? nil : skills)
    }
}

extension Five9Wire.UserGeneralInfo {
    /// Reads a `userGeneralInfo` element; a `password`, should the service ever send one, is dropped.
    init(_ node: Five9XMLNode) {
        self.init(userName: node.string("userName"))
        active = node.bool("active")
        canChangePassword = node.bool("canChangePassword")
        email = node.string("EMail")
        `extension` = node.string("extension")
        federationId = node.string("federationId")
        firstName = node.string("firstName")
        fullName = node.string("fullName")
        iexScheduled = node.bool("IEXScheduled")
        id = node.int("id")
        lastName = node.string("lastName")
        locale = node.string("locale")
        mediaTypeConfig = node.child("mediaTypeConfig").map(Five9Wire.MediaTypeConfig.init)
        mustChangePassword = node.bool("mustChangePassword")
        osLogin = node.string("osLogin")
        phoneNumber = node.string("phoneNumber")
        startDate = node.string("startDate")
        unifiedCommunicationId = node.string("unifiedCommunicationId")
        userProfileName = node.string("userProfileName")
    }
}

extension Five9Wire.MediaTypeConfig {
    /// Reads a `mediaTypeConfig` element.
    init(_ node: Five9XMLNode) {
        let items = node.all("mediaTypes").map { item in
            Item(
                enabled: item.bool("enabled"), intlligentRouting: item.bool("intlligentRouting"),
                maxAlowed: item.int("maxAlowed"), type: item.string("type"))
        }
        self.init(mediaTypes: items.isEmpty ? nil : items)
    }
}

extension Five9Wire.UserRoles {
    /// Reads a `userRoles` element: which roles are present (permissions are not roster's business).
    init(_ node: Five9XMLNode) {
        self.init(
            admin: node.child("admin").map { _ in Five9Wire.Role() },
            agent: node.child("agent").map { agent in
                Five9Wire.AgentRole(
                    alwaysRecorded: agent.bool("alwaysRecorded") ?? false,
                    attachVmToEmail: agent.bool("attachVmToEmail") ?? false,
                    sendEmailOnVm: agent.bool("sendEmailOnVm") ?? false)
            },
            crmManager: node.child("crmManager").map { _ in Five9Wire.Role() },
            reporting: node.child("reporting").map { _ in Five9Wire.Role() },
            supervisor: node.child("supervisor").map { _ in Five9Wire.Role() })
    }
}

extension Five9Wire.UserSkill {
    /// Reads a `userSkill` element; a missing level reads as 1.
    init(_ node: Five9XMLNode) {
        self.init(
            id: node.int("id"), level: node.int("level") ?? 1, skillName: node.string("skillName"),
            userName: node.string("userName"))
    }
}
