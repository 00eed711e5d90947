public import Foundation

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
        // Results are returned from the group rather than written into a captured variable (a release build of
        // Swift 6.3 was seen to lose such writes).
        let pages = try await withThrowingTaskGroup(of: (Int, [JSONValue]).self) { group in
            var next = starts.makeIterator()
            for _ in 0..<max(1, readConcurrency) {
                guard let start = next.next() else { break }
                group.addTask { (start, try await page(collection, startIndex: start, filter: filter).resources) }
            }
            var collected: [Int: [JSONValue]] = [:]
            while let (start, items) = try await group.next() {
                collected[start] = items
                if let start = next.next() {
                    group.addTask { (start, try await page(collection, startIndex: start, filter: filter).resources) }
                }
            }
            return collected
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
