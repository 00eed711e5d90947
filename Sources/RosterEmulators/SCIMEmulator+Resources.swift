import HTTPTypes

extension SCIMEmulator {
    /// `POST /Users`, `POST /Groups`: 201 with `Location` and `ETag`.
    func create(_ kind: ResourceKind, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        if kind == .group, options.groups == .membershipOnly {
            throw .methodNotAllowed("POST", allowed: ["GET"], "groups cannot be created on this service")
        }
        let body = try request.jsonObject()
        let resource = try prepare(body, kind: kind, old: nil)
        return try save(resource, kind: kind, id: store.nextID(), old: nil, status: 201, request)
    }

    /// `GET /Users/{id}`: 200, or 304 when `If-None-Match` names the current version.
    func get(_ kind: ResourceKind, id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let resource = try existing(kind, id)
        let etag = ResourceMeta.etag(of: resource)
        if let header = request.headers[.ifNoneMatch], ResourceMeta.ifMatch(header, admits: etag) {
            return .scim(304, nil, headers: [.eTag: etag])
        }
        return try rendered(200, resource, kind, request)
    }

    /// `PUT /Users/{id}`: replaces everything but `id` and `meta.created`.
    func replace(_ kind: ResourceKind, id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let old = try existing(kind, id)
        try checkPrecondition(old, request)
        let resource = try prepare(try request.jsonObject(), kind: kind, old: old)
        return try save(resource, kind: kind, id: id, old: old, status: 200, request)
    }

    /// `PATCH /Users/{id}` with a PatchOp body; a PATCH that changes nothing does not bump the version.
    func patch(_ kind: ResourceKind, id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let old = try existing(kind, id)
        try checkPrecondition(old, request)
        let operations = try PatchOperation.parseRequest(
            try request.jsonObject(), wholeSchemas: wholeSchemas(kind, old))
        if kind == .user, let allowed = options.patchableUserAttributes {
            let allowedLowercased = Set(allowed.map { $0.lowercased() })
            for attribute in operations.flatMap(\.touchedAttributes) where !allowedLowercased.contains(attribute) {
                let list = allowed.sorted().joined(separator: ", ")
                throw .badRequest(.invalidPath, "PATCH can change only \(list) here; use PUT to change \(attribute)")
            }
        }
        var working = old
        working["id"] = nil
        working["meta"] = nil
        let readOnly: Set<String> = kind == .user ? ["id", "meta", "schemas", "groups"] : ["id", "meta", "schemas"]
        try PatchApplier(wholeSchemas: wholeSchemas(kind, old), readOnly: readOnly).apply(operations, to: &working)
        let resource = try prepare(working, kind: kind, old: old)
        var unchanged = old
        unchanged["id"] = nil
        unchanged["meta"] = nil
        if resource == unchanged { return try rendered(200, old, kind, request) }
        return try save(resource, kind: kind, id: id, old: old, status: 200, request)
    }

    /// `DELETE /Users/{id}`: 204.
    ///
    /// Hard delete removes the resource from every group; the `.deactivate` dialect
    /// sets `active` to false instead.
    func delete(_ kind: ResourceKind, id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let old = try existing(kind, id)
        try checkPrecondition(old, request)
        if kind == .group, options.groups == .membershipOnly {
            throw .methodNotAllowed(
                "DELETE", allowed: ["GET", "PUT", "PATCH"], "groups cannot be deleted on this service")
        }
        if kind == .user, options.userDelete == .deactivate {
            var resource = old
            resource["active"] = .bool(false)
            if resource != old { try commit([.put(kind, bumped(resource, kind: kind, old: old))]) }
            return .scim(204, nil)
        }
        var mutations: [StoreMutation] = [.delete(kind, id)]
        for groupID in store.groupIDs(containing: id) where groupID != id {
            guard var group = store.groups[groupID] else { continue }
            let remaining = (group["members"]?.arrayValue ?? []).filter { $0.objectValue?["value"]?.stringValue != id }
            group["members"] = remaining.isEmpty ? nil : .array(remaining)
            mutations.append(.put(.group, bumped(group, kind: .group, old: group)))
        }
        try commit(mutations)
        return .scim(204, nil)
    }

    /// The stored resource, or 404.
    func existing(_ kind: ResourceKind, _ id: String) throws(SCIMError) -> JSONObject {
        guard let resource = store.resource(kind, id: id) else { throw .notFound("\(kind.rawValue) \(id) not found") }
        return resource
    }

    /// Extension URNs that name a whole extension object in paths for this kind of resource.
    func wholeSchemas(_ kind: ResourceKind, _ resource: JSONObject? = nil) -> [String] {
        let known = normalizer.extensionSchemas.filter { $0.extends == kind }.map(\.id)
        let stored = (resource?.keys).map { $0.filter { $0.hasPrefixIgnoringASCIICase("urn:") } } ?? []
        return known + stored.filter { key in !known.contains { $0.equalsIgnoringASCIICase(key) } }
    }

    /// Normalizes client input, checks members, runs the vendor hook and checks uniqueness.
    private func prepare(_ input: JSONObject, kind: ResourceKind, old: JSONObject?) throws(SCIMError) -> JSONObject {
        var resource = try normalizer.normalize(input, kind: kind)
        switch kind {
        case .user:
            if old == nil, resource["active"] == nil { resource["active"] = .bool(true) }
        case .group:
            resource["members"] = try validatedMembers(resource["members"])
        }
        if options.hooks.willStore != nil || options.hooks.willStoreAmongUsers != nil {
            do {
                try options.hooks.willStore?(kind, &resource, old)
                try options.hooks.willStoreAmongUsers?(kind, &resource, old, store.users)
            } catch let error as SCIMError {
                throw error
            } catch {
                throw SCIMError(status: 500, scimType: nil, detail: "\(error)")
            }
        }
        try checkUniqueness(resource, kind: kind, id: old?["id"]?.stringValue)
        return resource
    }

    /// Adds `id` and `meta`, commits, and renders the stored resource.
    private func save(
        _ resource: JSONObject, kind: ResourceKind, id: String, old: JSONObject?, status: Int, _ request: SCIMRequest
    ) throws(SCIMError) -> EmulatorResponse {
        var resource = resource
        resource["id"] = .string(id)
        let stored = bumped(resource, kind: kind, old: old)
        try commit([.put(kind, stored)])
        return try rendered(status, stored, kind, request)
    }

    /// `resource` with `meta` for its next version: created kept from `old`, lastModified now.
    private func bumped(_ resource: JSONObject, kind: ResourceKind, old: JSONObject?) -> JSONObject {
        var resource = resource
        let now = timestamp()
        let created = old.flatMap(ResourceMeta.created(of:)) ?? now
        let version = old.map { ResourceMeta.version(of: $0) + 1 } ?? 1
        resource["meta"] = ResourceMeta.make(kind, created: created, lastModified: now, version: version)
        return resource
    }

    private func validatedMembers(_ value: JSONValue?) throws(SCIMError) -> JSONValue? {
        guard let list = value?.arrayValue else { return nil }
        var seen: Set<String> = []
        var result: [JSONValue] = []
        for (position, member) in list.enumerated() {
            guard var entry = member.objectValue, let id = entry["value"]?.stringValue else {
                throw .badRequest(.invalidValue, "members[\(position)].value is required")
            }
            let type: String
            if store.users.contains(id) {
                type = "User"
            } else if store.groups.contains(id) {
                type = "Group"
            } else {
                throw .badRequest(.invalidValue, "members[\(position)].value '\(id)' is not the id of a user or group")
            }
            guard seen.insert(id).inserted else { continue }
            entry["type"] = .string(type)
            result.append(.object(entry))
        }
        return result.isEmpty ? nil : .array(result)
    }

    private func checkUniqueness(_ resource: JSONObject, kind: ResourceKind, id: String?) throws(SCIMError) {
        switch kind {
        case .user:
            if let name = resource["userName"]?.stringValue, let other = store.userID(forUserName: name), other != id {
                throw .conflict("userName '\(name)' is already taken")
            }
        case .group:
            if let name = resource["displayName"]?.stringValue, let other = store.groupID(forDisplayName: name),
                other != id
            {
                throw .conflict("displayName '\(name)' is already taken")
            }
        }
    }

    private func checkPrecondition(_ resource: JSONObject, _ request: SCIMRequest) throws(SCIMError) {
        guard let header = request.headers[.ifMatch] else { return }
        let current = ResourceMeta.etag(of: resource)
        guard !ResourceMeta.ifMatch(header, admits: current) else { return }
        let detail = "If-Match \(header) does not match the current version \(current)"
        switch options.staleVersion {
        case .preconditionFailed: throw SCIMError(status: 412, scimType: nil, detail: detail)
        case .invalidVersion: throw .badRequest(.invalidVers, detail)
        }
    }
}
