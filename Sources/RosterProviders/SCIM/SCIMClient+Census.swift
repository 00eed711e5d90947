import Foundation

extension SCIMClient {
    /// How many resources a collection holds and how many the service really sends per page, from one light
    /// request: the first page with ids only (`attributes=id`, RFC 7644 §3.4.2.5).
    ///
    /// Asking for a whole page rather than `count=1` shows whether the service clamps the page size, which decides
    /// how many pages a full read takes.
    func census(_ collection: String) async throws -> (total: Int, perPage: Int) {
        var query = ["startIndex": "1", "count": String(pageSize), "attributes": "id"]
        for (key, value) in listFilter { query[key] = value }
        let queryString = query.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.escapeQuery($0.value))" }
            .joined(separator: "&")
        let body = try await get("/\(collection)?\(queryString)")
        let returned = body["Resources"]?.array?.count ?? 0
        return (body["totalResults"]?.int ?? returned, returned)
    }

    /// Whether `requests` more one-object reads cost no more than a full read, asking the service for the size of
    /// its user list when that decides it.
    ///
    /// A service that refuses the size question gets a full read: the path every fetch already takes.
    func targetedReadIsCheaper(_ requests: Int, cost: inout TargetedReadCost) async throws -> Bool {
        switch cost.choice(forRequests: requests) {
        case .targeted: return true
        case .full: return false
        case .askSize:
            let size: (total: Int, perPage: Int)
            do {
                size = try await census("Users")
            } catch let error as ProviderError where error.kind == .permanent || error.kind == .malformed {
                return false
            }
            cost.learn(totalUsers: size.total, perPage: size.perPage)
            return cost.choice(forRequests: requests) == .targeted
        }
    }
}
