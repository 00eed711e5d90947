/// The ids recent filtered listings matched, valid while the store they came from is unchanged.
///
/// A client pages through a filtered listing with one request per page; evaluating the filter over every resource
/// on each request made reading n resources O(n²/page). With the matches kept, every page after the first is a
/// slice. A few entries are kept (a fetch pages through at most two listings at once); any write drops them all.
struct ListingCache: Sendable {
    /// What a listing is keyed by: the resource kind and the filter text (nil: the default, unfiltered list).
    struct Key: Hashable, Sendable {
        var kind: ResourceKind
        var filter: String?
    }

    private static let capacity = 8
    private var generation = -1
    private var entries: [Key: [String]] = [:]

    /// The cached ids for `key`, if the store is still at `generation`.
    func ids(for key: Key, generation: Int) -> [String]? {
        generation == self.generation ? entries[key] : nil
    }

    /// Keeps `ids` for `key`, forgetting entries from other generations (and all of them when full).
    mutating func store(_ ids: [String], for key: Key, generation: Int) {
        if generation != self.generation || entries.count >= Self.capacity {
            entries = [:]
            self.generation = generation
        }
        entries[key] = ids
    }
}
