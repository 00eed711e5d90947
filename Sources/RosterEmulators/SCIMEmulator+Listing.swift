import HTTPTypes

extension SCIMEmulator {
    /// The query of a list or search, already validated.
    struct ListQuery {
        var filter: SCIMFilter?
        /// The filter as given, which keys cached listings.
        var filterText: String?
        var startIndex = 1
        var count: Int
        var projection: AttributeProjection?
    }

    /// `GET /Users?filter=…&startIndex=…&count=…&attributes=…&excludedAttributes=…`.
    func list(_ kind: ResourceKind, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let query = request.query
        let listQuery = try makeQuery(
            kind, filter: query["filter"], startIndex: query["startindex"], count: query["count"],
            attributes: query["attributes"], excluded: query["excludedattributes"])
        return .scim(200, .object(listResponse(kind, listQuery, base: request.base)))
    }

    /// `POST /Users/.search` with a `SearchRequest` body (RFC 7644 §3.4.3).
    func search(_ kind: ResourceKind, _ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let body = try request.jsonObject()
        func text(_ name: String) -> String? {
            switch body[scim: name] {
            case .string(let value)?: value
            case .number(let value)?: String(Int(value))
            case .array(let values)?: values.compactMap(\.stringValue).joined(separator: ",")
            case .null?, .bool?, .object?, nil: nil
            }
        }
        let listQuery = try makeQuery(
            kind, filter: text("filter"), startIndex: text("startIndex"), count: text("count"),
            attributes: text("attributes"), excluded: text("excludedAttributes"))
        return .scim(200, .object(listResponse(kind, listQuery, base: request.base)))
    }

    private func makeQuery(
        _ kind: ResourceKind, filter: String?, startIndex: String?, count: String?, attributes: String?,
        excluded: String?
    ) throws(SCIMError) -> ListQuery {
        var query = ListQuery(count: options.effectiveDefaultPageSize)
        if let filter, !filter.isEmpty {
            query.filter = try SCIMFilter.parse(filter, acceptsUnquotedValues: options.acceptsUnquotedFilterValues)
            query.filterText = filter
        }
        if let startIndex {
            guard let value = Int(startIndex) else { throw .badRequest(.invalidValue, "startIndex must be an integer") }
            query.startIndex = max(1, value)
        }
        if let count {
            guard let value = Int(count) else { throw .badRequest(.invalidValue, "count must be an integer") }
            query.count = min(max(0, value), options.maxPageSize)
        }
        query.projection = try AttributeProjection.parse(
            attributes: attributes, excluded: excluded, wholeSchemas: wholeSchemas(kind))
        return query
    }

    /// A `ListResponse` page.
    ///
    /// Without a filter the page is sliced straight from the creation order. A filter (or the dialect's
    /// active-only default list) is evaluated once per state of the store: the matching ids are cached, so reading
    /// n resources page by page costs O(n) in all, not O(n) per page.
    private func listResponse(_ kind: ResourceKind, _ query: ListQuery, base: String) -> JSONObject {
        let start = query.startIndex - 1
        let total: Int
        let page: [JSONObject]
        if query.filter != nil || (kind == .user && options.unfilteredListExcludesInactiveUsers) {
            let ids = matchingIDs(kind, query)
            let table = store.table(kind)
            total = ids.count
            page = start < total ? ids[start..<min(total, start + query.count)].compactMap { table[$0] } : []
        } else {
            total = store.table(kind).count
            page = store.page(kind, from: start, count: query.count)
        }
        return [
            "schemas": .array([.string(SCIMURN.listResponse)]),
            "totalResults": .number(Double(total)),
            "startIndex": .number(Double(query.startIndex)),
            "itemsPerPage": .number(Double(page.count)),
            "Resources": .array(page.map { .object(render($0, kind, base: base, projection: query.projection)) }),
        ]
    }

    /// Ids of the resources a filtered (or active-only) listing returns, in creation order.
    private func matchingIDs(_ kind: ResourceKind, _ query: ListQuery) -> [String] {
        let key = ListingCache.Key(kind: kind, filter: query.filterText)
        if let ids = listings.ids(for: key, generation: store.generation) { return ids }
        let table = store.table(kind)
        let ids: [String]
        if let filter = query.filter {
            ids = candidateIDs(kind, for: filter).filter { id in table[id].map { filter.matches($0) } ?? false }
        } else {
            ids = kind == .user ? table.orderedIDs.filter { !store.isInactiveUser($0) } : table.orderedIDs
        }
        listings.store(ids, for: key, generation: store.generation)
        return ids
    }

    /// Ids of the resources a filter can match, in creation order: from an index when the filter requires
    /// equality on `id`, `userName`, `externalId` or a group's `displayName`, or `active eq false` of users, else all
    /// of them.
    private func candidateIDs(_ kind: ResourceKind, for filter: SCIMFilter) -> [String] {
        let table = store.table(kind)
        for (path, value) in filter.requiredEqualities {
            let ids: [String]
            switch (kind, path.name.lowercased()) {
            case (_, "id"): ids = table.contains(value) ? [value] : []
            case (.user, "username"): ids = store.userID(forUserName: value).map { [$0] } ?? []
            case (.user, "externalid"): ids = store.userIDs(forExternalID: value)
            case (.group, "displayname"): ids = store.groupID(forDisplayName: value).map { [$0] } ?? []
            default: continue
            }
            return ids.sorted { table.precedes($0, $1) }
        }
        if kind == .user, filter.requiresInactive { return table.orderedIDs.filter(store.isInactiveUser) }
        return table.orderedIDs
    }

    /// A response carrying one resource, with `ETag` (and `Location` for 201).
    func rendered(
        _ status: Int, _ resource: JSONObject, _ kind: ResourceKind, _ request: SCIMRequest
    )
        throws(SCIMError) -> EmulatorResponse
    {
        let projection = try AttributeProjection.parse(
            attributes: request.query["attributes"], excluded: request.query["excludedattributes"],
            wholeSchemas: wholeSchemas(kind, resource))
        let id = resource["id"]?.stringValue ?? ""
        var headers: HTTPFields = [.eTag: ResourceMeta.etag(of: resource)]
        if status == 201 { headers[.location] = "\(request.base)\(kind.endpoint)/\(id)" }
        return .scim(
            status, .object(render(resource, kind, base: request.base, projection: projection)), headers: headers)
    }

    /// The resource as clients see it: `meta.location` filled in, a user's derived `groups`, the projection.
    func render(
        _ resource: JSONObject, _ kind: ResourceKind, base: String, projection: AttributeProjection?
    )
        -> JSONObject
    {
        var output = resource
        let id = resource["id"]?.stringValue ?? ""
        if var meta = resource["meta"]?.objectValue {
            meta["location"] = .string("\(base)\(kind.endpoint)/\(id)")
            output["meta"] = .object(meta)
        }
        if kind == .user, options.groups != .none {
            let groups: [JSONValue] = store.groupIDs(containing: id).compactMap { groupID in
                guard store.groups.contains(groupID) else { return nil }
                return .object([
                    "value": .string(groupID), "display": store.displayName(ofGroup: groupID) ?? .null,
                    "type": .string("direct"), "$ref": .string("\(base)/Groups/\(groupID)"),
                ])
            }
            if !groups.isEmpty { output["groups"] = .array(groups) }
        }
        return projection?.apply(to: output) ?? output
    }
}
