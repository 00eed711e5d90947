/// The ids an index files under one key, in the order they were added.
///
/// Nearly every key holds one id (one user per externalId, one group per member), so one id is kept inline: an
/// array or set per key would cost an allocation per user, which adds up at a quarter of a million users.
enum IDBucket: Sendable, Equatable {
    case one(String)
    case many([String])

    /// The ids, in the order they were added.
    var ids: [String] {
        switch self {
        case .one(let id): [id]
        case .many(let ids): ids
        }
    }

    /// The bucket with `id` added at the end (`nil` stands for an empty bucket).
    static func adding(_ id: String, to bucket: IDBucket?, unique: Bool) -> IDBucket {
        switch bucket {
        case nil: return .one(id)
        case .one(let first)?: return unique && first == id ? .one(first) : .many([first, id])
        case .many(let ids)?: return unique && ids.contains(id) ? .many(ids) : .many(ids + [id])
        }
    }

    /// The bucket without any `id`, or nil when nothing is left.
    func removing(_ id: String) -> IDBucket? {
        switch self {
        case .one(let first): return first == id ? nil : self
        case .many(let ids):
            let rest = ids.filter { $0 != id }
            return rest.count > 1 ? .many(rest) : rest.first.map(IDBucket.one)
        }
    }
}
