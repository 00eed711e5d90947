import Foundation

extension SCIMClient {
    /// Lists every resource of a collection, following the server's page size, fetching pages in parallel.
    ///
    /// The first page tells the total and how many items the server really returns per page (it may clamp or
    /// ignore `count`); the remaining pages are then fetched `readConcurrency` at a time. Duplicates (pages that
    /// shifted under concurrent writes) are removed by id.
    public func list(_ collection: String, filter: String? = nil) async throws -> [JSONValue] {
        let first = try await page(collection, startIndex: 1, filter: filter)
        var resources = first.resources
        let perPage = first.resources.count
        guard perPage > 0, first.total > perPage else { return resources }
        let starts = Array(stride(from: 1 + perPage, through: first.total, by: perPage))
        // Pages are fetched `readConcurrency` at a time, each batch awaited in order.
        var pages: [Int: [JSONValue]] = [:]
        var index = 0
        while index < starts.count {
            let batch = starts[index..<min(starts.count, index + max(1, readConcurrency))]
            let tasks = batch.map { start in
                (start, Task { try await page(collection, startIndex: start, filter: filter).resources })
            }
            for (start, task) in tasks { pages[start] = try await task.value }
            index += batch.count
        }
        for start in starts { resources += pages[start] ?? [] }
        var seen = Set<String>()
        return resources.filter { seen.insert($0["id"]?.string ?? UUID().uuidString).inserted }
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
