import HTTPTypes

extension Five9Service {
    /// A change to a group's name and members gathered from a PUT or PATCH.
    private struct GroupChange {
        var name: String?
        var replacement: [String]?
        var add: [String] = []
        var remove: [String] = []

        mutating func adding(_ names: [String]) {
            let set = Set(names)
            remove.removeAll { set.contains($0) }
            if replacement != nil { replacement! += names } else { add += names }
        }

        mutating func removing(_ names: [String]) {
            let set = Set(names)
            add.removeAll { set.contains($0) }
            if replacement != nil { replacement!.removeAll { set.contains($0) } } else { remove += names }
        }
    }

    /// Changes a group's name and members: `PUT /Groups/{id}` or `PATCH /Groups/{id}`.
    ///
    /// PUT replaces the name and members and answers 200 with the group. PATCH takes `members` add, remove and
    /// replace, `members[value eq "…"]` remove and `displayName` replace, and answers 204; its work is
    /// proportional to the members it names, not to the group's size.
    func changeSCIMGroup(_ id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let current = try scimGroup(id)
        let body = try request.jsonObject()
        var change = GroupChange()
        if request.method == .put {
            guard case .string(let name)? = body[scim: "displayName"], !name.isEmpty else {
                throw .badRequest(.invalidValue, "displayName is required")
            }
            change.name = name
            change.replacement = try memberNames(body[scim: "members"])
        } else {
            for operation in try PatchOperation.parseRequest(body, wholeSchemas: []) {
                try apply(operation, to: &change)
            }
        }
        let mutations = try domain { () throws(Five9Fault) in
            try store.updateAgentGroup(
                current, name: change.name ?? current.name, description: current.description,
                members: change.replacement, add: change.add, remove: change.remove)
        }
        try commitSCIM(mutations)
        guard request.method == .put, let group = store.group(id: current.id) else { return .scim(204, nil) }
        return .scim(200, .object(renderGroup(group, base: request.base)))
    }

    private func apply(_ operation: PatchOperation, to change: inout GroupChange) throws(SCIMError) {
        guard let path = operation.path else {
            guard case .object(let members)? = operation.value else {
                throw .badRequest(.invalidValue, "a PATCH without a path needs an object value")
            }
            for (key, value) in members {
                let inner = PatchOperation(op: operation.op, path: PatchPath.parseSimple(key), value: value)
                try apply(inner, to: &change)
            }
            return
        }
        switch (path.attribute.name.lowercased(), operation.op) {
        case ("displayname", .add), ("displayname", .replace):
            guard case .string(let name)? = operation.value, !name.isEmpty else {
                throw .badRequest(.invalidValue, "displayName must be a non-empty string")
            }
            change.name = name
        case ("members", .add): change.adding(try memberNames(operation.value))
        case ("members", .replace):
            change.replacement = try memberNames(operation.value)
            change.add = []
            change.remove = []
        case ("members", .remove):
            if let filter = path.filter {
                let ids = filter.requiredEqualities.filter { $0.path.name.lowercased() == "value" }.map(\.value)
                change.removing(try memberNames(.array(ids.map { ["value": .string($0)] })))
            } else if operation.value != nil {
                change.removing(try memberNames(operation.value))
            } else {
                change.replacement = []
                change.add = []
                change.remove = []
            }
        default:
            throw .badRequest(.invalidPath, "only displayName and members can change on a group")
        }
    }
}

extension PatchPath {
    /// The path of a plain attribute name (a key of a path-less PATCH value).
    static func parseSimple(_ name: String) -> PatchPath? {
        AttributePath.parse(name).map { PatchPath(attribute: $0) }
    }
}
