import HTTPTypes

extension Five9Service {
    /// `startIndex` (1-based), `count` (clamped to the largest page) and `filter` of a list request.
    private func listQuery(_ request: SCIMRequest) throws(SCIMError) -> (SCIMFilter?, start: Int, count: Int) {
        var start = 1
        var count = min(100, config.scimMaxPageSize)
        if let text = request.query["startindex"] {
            guard let value = Int(text) else { throw .badRequest(.invalidValue, "startIndex must be an integer") }
            start = max(1, value)
        }
        if let text = request.query["count"] {
            guard let value = Int(text) else { throw .badRequest(.invalidValue, "count must be an integer") }
            count = min(max(0, value), config.scimMaxPageSize)
        }
        let filter = try request.query["filter"].flatMap { (text) throws(SCIMError) in
            text.isEmpty ? nil : try SCIMFilter.parse(text)
        }
        return (filter, start, count)
    }

    private func listResponse(_ resources: [JSONObject], total: Int, start: Int) -> EmulatorResponse {
        .scim(
            200,
            .object([
                "schemas": [.string(SCIMURN.listResponse)], "totalResults": .number(Double(total)),
                "startIndex": .number(Double(start)), "itemsPerPage": .number(Double(resources.count)),
                "Resources": .array(resources.map(JSONValue.object)),
            ]))
    }

    private static func page<T>(_ all: [T], start: Int, count: Int) -> [T] {
        start - 1 < all.count ? Array(all[(start - 1)...].prefix(count)) : []
    }

    /// `GET /Users`: an equality filter on `userName` or `id` is answered from the indexes (case-sensitive, as
    /// Five9 user names are); other filters scan; without a filter only the page is rendered.
    func listUsers(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let (filter, start, count) = try listQuery(request)
        guard let filter else {
            let all = store.users.all
            let page = Self.page(all, start: start, count: count).map { renderUser($0, base: request.base) }
            return listResponse(page, total: all.count, start: start)
        }
        var candidates: [Five9User]?
        for (path, value) in filter.requiredEqualities where candidates == nil {
            switch path.name.lowercased() {
            case "username": candidates = store.users[value].map { [$0] } ?? []
            case "id": candidates = Int64(value).flatMap { store.user(id: $0) }.map { [$0] } ?? []
            default: continue
            }
        }
        let matches = (candidates ?? store.users.all).map { renderUser($0, base: request.base) }.filter {
            filter.matches($0)
        }
        return listResponse(Self.page(matches, start: start, count: count), total: matches.count, start: start)
    }

    /// `POST /Users`: refused with 403 until the domain's SAML SSO is configured (`ssoReady`).
    func createSCIMUser(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        guard ssoReady else {
            throw SCIMError(
                status: 403, scimType: nil,
                detail: "SAML SSO is not configured for this domain; configure SAML 2.0 SSO before provisioning "
                    + "users through SCIM")
        }
        let body = try request.jsonObject()
        var draft = Five9User(general: Five9GeneralInfo())
        try Five9SCIMMapping.apply(body, to: &draft)
        var input = Five9UserInput(general: draft.general)
        input.general[.federationId] = draft.userName
        input.roles = try Five9SCIMMapping.roles(body[scim: "roles"]).map { Five9RoleUpdate(kind: $0) }
        input.externalId = draft.externalId
        var rules = config.rules
        rules.requiresPassword = false
        var cursor = extensionCursor
        let mutations = try domain { () throws(Five9Fault) in
            try store.createUser(input, rules: rules, extensionCursor: &cursor)
        }
        extensionCursor = cursor
        try commitSCIM(mutations)
        let user = renderUser(store.users[draft.userName]!, base: request.base)
        let location = user["meta"]?.objectValue?["location"]?.stringValue ?? ""
        return .scim(201, .object(user), headers: [.location: location])
    }

    /// `PUT /Users/{id}`: replaces the mapped attributes; `userName` cannot change.
    func replaceSCIMUser(_ id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        var user = try scimUser(id)
        try Five9SCIMMapping.apply(try request.jsonObject(), to: &user)
        return try saveSCIMUser(user, request)
    }

    /// `PATCH /Users/{id}`: the operations run on the SCIM form of the user, which is then stored as by PUT.
    func patchSCIMUser(_ id: String, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        var user = try scimUser(id)
        let operations = try PatchOperation.parseRequest(try request.jsonObject(), wholeSchemas: [])
        var working = renderUser(user, base: request.base)
        let readOnly: Set<String> = ["id", "meta", "schemas", "groups", "roles", "displayname"]
        for key in working.keys where readOnly.contains(key.lowercased()) { working[key] = nil }
        try PatchApplier(wholeSchemas: [], readOnly: readOnly).apply(operations, to: &working)
        try Five9SCIMMapping.apply(working, to: &user)
        return try saveSCIMUser(user, request)
    }

    private func saveSCIMUser(_ user: Five9User, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        try commitSCIM(try domain { () throws(Five9Fault) in try store.replaceUser(user) })
        return .scim(200, .object(renderUser(store.users[user.userName]!, base: request.base)))
    }

    /// `GET /Groups`: agent groups; `displayName eq` is answered from the index.
    func listGroups(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let (filter, start, count) = try listQuery(request)
        var candidates = store.groups.all
        if let equality = filter?.requiredEqualities.first(where: { $0.path.name.lowercased() == "displayname" }) {
            candidates = store.groups[equality.value].map { [$0] } ?? []
        }
        let matches = candidates.map { renderGroup($0, base: request.base) }.filter { filter?.matches($0) ?? true }
        return listResponse(Self.page(matches, start: start, count: count), total: matches.count, start: start)
    }

    /// `POST /Groups`: a new agent group with `displayName` and `members`.
    func createSCIMGroup(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let body = try request.jsonObject()
        guard case .string(let name)? = body[scim: "displayName"], !name.isEmpty else {
            throw .badRequest(.invalidValue, "displayName is required")
        }
        let members = try memberNames(body[scim: "members"])
        try commitSCIM(
            try domain { () throws(Five9Fault) in
                try store.createAgentGroup(Five9GroupInput(agents: members, name: name))
            })
        let group = renderGroup(store.groups[name]!, base: request.base)
        let location = group["meta"]?.objectValue?["location"]?.stringValue ?? ""
        return .scim(201, .object(group), headers: [.location: location])
    }

    /// The user names of SCIM member values (`[{"value": "<user id>"}]`); 400 for an id that is no user.
    func memberNames(_ value: JSONValue?) throws(SCIMError) -> [String] {
        let entries: [JSONValue] =
            switch value {
            case .array(let list)?: list
            case .object?: [value!]
            default: []
            }
        var names: [String] = []
        for entry in entries {
            let id = entry.objectValue?[scim: "value"]?.stringValue ?? ""
            guard let number = Int64(id), let user = store.user(id: number) else {
                throw .badRequest(.invalidValue, "member '\(id)' is not the id of a user")
            }
            names.append(user.userName)
        }
        return names
    }
}
