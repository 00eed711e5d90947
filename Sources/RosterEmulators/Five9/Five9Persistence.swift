/// The JSON forms of the Five9 snapshot and journal lines.
///
/// Snapshot: `{"format":1,"service":"five9","ids":{…},"skills":[…],"users":[…],"agentGroups":[…]}`.
/// Journal line: `{"ids":{…},"changes":[{"putUser":{…}},{"addAgents":"Tier1","agents":["ana"]},…]}`.
enum Five9Persistence {
    static let formatVersion = 1

    /// The whole store.
    static func snapshot(_ store: Five9Store) -> JSONValue {
        .object([
            "format": .number(Double(formatVersion)), "service": "five9", "ids": ids(store.ids),
            "skills": .array(store.skills.all.map(Five9JSONWriter.skill)),
            "users": .array(store.users.all.map(Five9JSONWriter.user)),
            "agentGroups": .array(store.groups.all.map { Five9JSONWriter.group($0) }),
        ])
    }

    /// Rebuilds a store from `snapshot(_:)`'s output.
    static func readSnapshot(_ value: JSONValue) throws(StateFormatError) -> Five9Store {
        guard let object = value.objectValue, object["format"]?.numberValue == Double(formatVersion),
            object["service"]?.stringValue == "five9"
        else { throw StateFormatError(description: "not a format \(formatVersion) Five9 snapshot") }
        var reader = Five9JSONReader()
        var store = Five9Store()
        for (position, skill) in (object["skills"]?.arrayValue ?? []).enumerated() {
            if let skill = reader.skill(skill, at: "skills[\(position)]", id: 0) { store.apply(.putSkill(skill)) }
        }
        for (position, user) in (object["users"]?.arrayValue ?? []).enumerated() {
            if let user = reader.user(user, at: "users[\(position)]") { store.apply(.putUser(user)) }
        }
        for (position, group) in (object["agentGroups"]?.arrayValue ?? []).enumerated() {
            guard let group = reader.group(group, at: "agentGroups[\(position)]", id: 0) else { continue }
            store.apply(.putGroup(group.withoutMembers, previousName: nil))
            store.apply(.addAgents(group: group.name, group.agents))
        }
        if let first = reader.problems.first { throw StateFormatError(description: first) }
        store.ids = try readIDs(object["ids"], raising: store.ids)
        return store
    }

    /// One journal line.
    static func line(_ mutations: [Five9Mutation], ids: Five9IDCounters) -> JSONValue {
        .object(["ids": self.ids(ids), "changes": .array(mutations.map(encode))])
    }

    /// Applies one journal line to `store`.
    static func replay(_ value: JSONValue, into store: inout Five9Store) throws(StateFormatError) {
        guard let object = value.objectValue, let changes = object["changes"]?.arrayValue else {
            throw StateFormatError(description: "expected {\"ids\": {...}, \"changes\": [...]}")
        }
        for change in changes { store.apply(try decode(change)) }
        store.ids = try readIDs(object["ids"], raising: store.ids)
    }

    private static func ids(_ ids: Five9IDCounters) -> JSONValue {
        .object([
            "user": .number(Double(ids.user)), "skill": .number(Double(ids.skill)), "group": .number(Double(ids.group)),
        ])
    }

    private static func readIDs(
        _ value: JSONValue?, raising ids: Five9IDCounters
    ) throws(StateFormatError)
        -> Five9IDCounters
    {
        guard let object = value?.objectValue, let user = object["user"]?.numberValue,
            let skill = object["skill"]?.numberValue, let group = object["group"]?.numberValue
        else { throw StateFormatError(description: "ids must hold user, skill and group counters") }
        return Five9IDCounters(
            user: max(ids.user, Int64(user)), skill: max(ids.skill, Int64(skill)), group: max(ids.group, Int64(group)))
    }

    private static func encode(_ mutation: Five9Mutation) -> JSONValue {
        let names = { (list: [String]) in JSONValue.array(list.map(JSONValue.string)) }
        switch mutation {
        case .putUser(let user): return ["putUser": Five9JSONWriter.user(user)]
        case .deleteUser(let name): return ["deleteUser": .string(name)]
        case .putSkill(let skill): return ["putSkill": Five9JSONWriter.skill(skill)]
        case .deleteSkill(let name): return ["deleteSkill": .string(name)]
        case .putGroup(let group, let previous):
            var object: JSONObject = ["putGroup": Five9JSONWriter.group(group, withMembers: false)]
            object["previousName"] = previous.map(JSONValue.string)
            return .object(object)
        case .setAgents(let group, let agents): return ["setAgents": .string(group), "agents": names(agents)]
        case .addAgents(let group, let agents): return ["addAgents": .string(group), "agents": names(agents)]
        case .removeAgents(let group, let agents): return ["removeAgents": .string(group), "agents": names(agents)]
        case .deleteGroup(let name): return ["deleteGroup": .string(name)]
        }
    }

    private static func decode(_ value: JSONValue) throws(StateFormatError) -> Five9Mutation {
        let object = value.objectValue ?? [:]
        var reader = Five9JSONReader()
        let agents = (object["agents"]?.arrayValue ?? []).compactMap(\.stringValue)
        let mutation: Five9Mutation? =
            if let user = object["putUser"] {
                reader.user(user, at: "putUser").map(Five9Mutation.putUser)
            } else if let name = object["deleteUser"]?.stringValue {
                .deleteUser(name)
            } else if let skill = object["putSkill"] {
                reader.skill(skill, at: "putSkill", id: 0).map(Five9Mutation.putSkill)
            } else if let name = object["deleteSkill"]?.stringValue {
                .deleteSkill(name)
            } else if let group = object["putGroup"] {
                reader.group(group, at: "putGroup", id: 0).map {
                    .putGroup($0, previousName: object["previousName"]?.stringValue)
                }
            } else if let name = object["setAgents"]?.stringValue {
                .setAgents(group: name, agents)
            } else if let name = object["addAgents"]?.stringValue {
                .addAgents(group: name, agents)
            } else if let name = object["removeAgents"]?.stringValue {
                .removeAgents(group: name, agents)
            } else if let name = object["deleteGroup"]?.stringValue {
                .deleteGroup(name)
            } else {
                nil
            }
        guard let mutation, reader.problems.isEmpty else {
            throw StateFormatError(description: reader.problems.first ?? "a change of an unknown kind")
        }
        return mutation
    }
}
