import Foundation

extension SCIMClient {
    /// Lists every resource of a collection, following the server's page size, fetching pages in parallel.
    ///
    /// The first page tells the total and how many items the server really returns per page (it may clamp or
    /// ignore `count`); the remaining pages are then fetched `readConcurrency` at a time. Duplicates (pages that
    /// shifted under concurrent writes) are removed by id.
    public func list(_ collection: String, filter: String? = nil) async throws -> [JSONValue] {
        try await list(collection, filter: filter) { $0 }
    }

    /// Lists every resource of a collection like `list(_:filter:)`, turning each into an `Item` as its page arrives.
    ///
    /// Only the pages in flight are held as JSON: reading 50,000 users keeps 50,000 `Item`s, not 50,000 JSON trees.
    /// `transform` returns nil to leave a resource out.
    public func list<Item: Sendable>(
        _ collection: String, filter: String? = nil, transform: @escaping @Sendable (JSONValue) -> Item?
    ) async throws -> [Item] {
        @Sendable func items(_ resources: [JSONValue]) -> [ListedItem<Item>] {
            resources.compactMap { json in transform(json).map { ListedItem(id: json["id"]?.string, item: $0) } }
        }
        let first = try await page(collection, startIndex: 1, filter: filter)
        var listed = items(first.resources)
        let perPage = first.resources.count
        var read = min(perPage, first.total)
        // Whole listings only: a filtered list is a lookup (a targeted read, the inactive users), not progress.
        let report = { (read: Int) in
            guard filter == nil else { return }
            RequestContext.reportRead(
                ReadProgress(
                    provider: provider, kind: progressPrefix + collection.lowercased(), read: read, total: first.total))
        }
        report(read)
        if perPage > 0, first.total > perPage {
            let starts = Array(stride(from: 1 + perPage, through: first.total, by: perPage))
            var index = 0
            while index < starts.count {
                // `readConcurrency` pages at a time, each batch awaited in order.
                let batch = starts[index..<min(starts.count, index + max(1, readConcurrency))]
                let tasks = batch.map { start in
                    Task { items(try await page(collection, startIndex: start, filter: filter).resources) }
                }
                for task in tasks { listed += try await task.value }
                read = min(first.total, read + batch.count * perPage)
                report(read)
                index += batch.count
            }
        }
        var seen = Set<String>()
        return listed.compactMap { entry in
            guard let id = entry.id else { return entry.item }
            return seen.insert(id).inserted ? entry.item : nil
        }
    }

    /// One page.
    func page(
        _ collection: String, startIndex: Int, filter: String?
    ) async throws -> (resources: [JSONValue], total: Int) {
        var query = ["startIndex": String(startIndex), "count": String(pageSize)]
        for (key, value) in listFilter { query[key] = value }
        if let filter { query["filter"] = filter }
        let queryString = query.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.escapeQuery($0.value))" }
            .joined(separator: "&")
        let body = try await get("/\(collection)?\(queryString)")
        guard let resources = body["Resources"]?.array ?? (body["totalResults"]?.int == 0 ? [] : nil) else {
            throw ProviderError(
                .malformed, provider: provider, "GET /\(collection) answered without a SCIM ListResponse (no Resources)"
            )
        }
        return (resources, body["totalResults"]?.int ?? resources.count)
    }
}

/// A listed resource's id (for removing duplicates) with what it was turned into.
private struct ListedItem<Item: Sendable>: Sendable {
    var id: String?
    var item: Item
}
