extension SCIMStore {
    /// Builds the initial state from a checked seed: every resource goes through the same normalization as a
    /// POST, users without `active` become active, missing ids are generated, and members given by `userName`
    /// are resolved to ids.
    ///
    /// - Throws: `SCIMEmulatorError.Kind.invalidSeed` naming the seed and each resource that was refused.
    static func seeded(
        _ seed: SCIMSeed, normalizer: ResourceNormalizer, hooks: SCIMHooks, timestamp: String
    )
        throws(SCIMEmulatorError) -> SCIMStore
    {
        var store = SCIMStore()
        var problems: [String] = []
        for (position, user) in seed.users.enumerated() {
            do {
                var resource = try normalizer.normalize(user, kind: .user)
                if resource["active"] == nil { resource["active"] = .bool(true) }
                try hooks.willStore?(.user, &resource, nil)
                try hooks.willStoreAmongUsers?(.user, &resource, nil, store.users)
                let id = user[scim: "id"]?.stringValue
                store.insertSeeded(resource, kind: .user, id: id, original: user, timestamp: timestamp)
            } catch {
                problems.append("users[\(position)]: \(Self.describe(error))")
            }
        }
        for (position, group) in seed.groups.enumerated() {
            do {
                var resource = try normalizer.normalize(group, kind: .group)
                resource["members"] = store.seedMembers(of: group)
                try hooks.willStore?(.group, &resource, nil)
                try hooks.willStoreAmongUsers?(.group, &resource, nil, store.users)
                let id = group[scim: "id"]?.stringValue
                store.insertSeeded(resource, kind: .group, id: id, original: group, timestamp: timestamp)
            } catch {
                problems.append("groups[\(position)]: \(Self.describe(error))")
            }
        }
        guard problems.isEmpty else { throw SCIMEmulatorError(.invalidSeed, file: seed.source, problems: problems) }
        return store
    }

    private static func describe(_ error: any Error) -> String {
        (error as? SCIMError)?.detail ?? "\(error)"
    }

    private mutating func insertSeeded(
        _ resource: JSONObject, kind: ResourceKind, id: String?, original: JSONObject, timestamp: String
    ) {
        var resource = resource
        let id = id ?? nextID()
        let meta = original[scim: "meta"]?.objectValue
        let created = meta?[scim: "created"]?.stringValue.flatMap { SCIMFilter.date($0) != nil ? $0 : nil }
        let modified = meta?[scim: "lastModified"]?.stringValue.flatMap { SCIMFilter.date($0) != nil ? $0 : nil }
        resource["id"] = .string(id)
        resource["meta"] = ResourceMeta.make(
            kind, created: created ?? timestamp, lastModified: modified ?? created ?? timestamp, version: 1)
        apply(.put(kind, resource))
    }

    /// Members of a seed group with `userName` references resolved; the checker made sure they resolve.
    private func seedMembers(of group: JSONObject) -> JSONValue? {
        var members: [JSONValue] = []
        var seen: Set<String> = []
        for member in group[scim: "members"]?.arrayValue ?? [] {
            guard let object = member.objectValue else { continue }
            let id = object[scim: "value"]?.stringValue ?? object[scim: "userName"]?.stringValue.flatMap(userID)
            guard let id, seen.insert(id).inserted else { continue }
            var entry: JSONObject = ["value": .string(id), "type": .string(users.contains(id) ? "User" : "Group")]
            if let display = object[scim: "display"] { entry["display"] = display }
            members.append(.object(entry))
        }
        return members.isEmpty ? nil : .array(members)
    }
}
