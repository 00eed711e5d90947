/// Writes Five9 records as the JSON `Five9JSONReader` reads.
enum Five9JSONWriter {
    /// A user.
    static func user(_ user: Five9User) -> JSONValue {
        var object: JSONObject = [:]
        for (field, text) in user.general.setFields where field != .fullName {
            switch field.kind {
            case .boolean: object[field.elementName] = .bool(text == "true")
            case .long: object[field.elementName] = .number(Double(Int64(text) ?? 0))
            case .string: object[field.elementName] = .string(text)
            }
        }
        if let types = user.general.mediaTypes {
            object["mediaTypeConfig"] = .array(
                types.map { item in
                    var entry: JSONObject = [:]
                    entry["enabled"] = item.enabled.map(JSONValue.bool)
                    entry["intlligentRouting"] = item.intelligentRouting.map(JSONValue.bool)
                    entry["maxAlowed"] = item.maxAllowed.map { .number(Double($0)) }
                    entry["type"] = item.type.map(JSONValue.string)
                    return .object(entry)
                })
        }
        object["roles"] = roles(user.roles)
        if !user.skills.isEmpty { object["skills"] = .object(user.skills.mapValues { .number(Double($0)) }) }
        if !user.cannedReports.isEmpty {
            object["cannedReports"] = .array(
                user.cannedReports.map { report in
                    var entry: JSONObject = [:]
                    entry["index"] = report.index.map { .number(Double($0)) }
                    entry["name"] = report.name.map(JSONValue.string)
                    return .object(entry)
                })
        }
        object["externalId"] = user.externalId.map(JSONValue.string)
        if user.inUse { object["inUse"] = true }
        return .object(object)
    }

    private static func roles(_ roles: Five9Roles) -> JSONValue {
        var object: JSONObject = [:]
        for kind in roles.kinds {
            guard let role = roles[kind] else { continue }
            var entry: JSONObject = ["permissions": .array(role.permissions.granted.map(JSONValue.string))]
            if kind == .agent {
                entry["alwaysRecorded"] = .bool(role.alwaysRecorded)
                entry["attachVmToEmail"] = .bool(role.attachVmToEmail)
                entry["sendEmailOnVm"] = .bool(role.sendEmailOnVm)
            }
            object[kind.rawValue] = .object(entry)
        }
        return .object(object)
    }

    /// A skill.
    static func skill(_ skill: Five9Skill) -> JSONValue {
        var object: JSONObject = ["id": .number(Double(skill.id)), "name": .string(skill.name)]
        object["description"] = skill.description.map(JSONValue.string)
        object["messageOfTheDay"] = skill.messageOfTheDay.map(JSONValue.string)
        object["routeVoiceMails"] = skill.routeVoiceMails.map(JSONValue.bool)
        if skill.inUse { object["inUse"] = true }
        return .object(object)
    }

    /// An agent group, with its members when `withMembers`.
    static func group(_ group: Five9AgentGroup, withMembers: Bool = true) -> JSONValue {
        var object: JSONObject = ["id": .number(Double(group.id)), "name": .string(group.name)]
        object["description"] = group.description.map(JSONValue.string)
        if withMembers { object["agents"] = .array(group.agents.map(JSONValue.string)) }
        return .object(object)
    }
}
