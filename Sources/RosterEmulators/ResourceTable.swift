/// The two SCIM resource types the generic emulator stores.
enum ResourceKind: String, Sendable, CaseIterable {
    case user = "User"
    case group = "Group"

    /// The collection path, such as `/Users`.
    var endpoint: String {
        switch self {
        case .user: "/Users"
        case .group: "/Groups"
        }
    }

    /// The core schema URN.
    var coreSchema: String {
        switch self {
        case .user: SCIMURN.user
        case .group: SCIMURN.group
        }
    }
}

/// Resources of one kind in creation order, with O(1) lookup by id and O(page) slicing.
///
/// Each resource is kept as its compact JSON text rather than as a `JSONObject` tree: a tree costs several times
/// its text in dictionaries and small strings, and a quarter of a million users must fit in a benchmark's memory.
/// Reading a resource parses it on demand; the store's indexes answer the common lookups without parsing.
///
/// Deleting leaves a hole in the order; holes are squeezed out lazily before the next page is cut, so deletes are
/// O(1) and paging stays O(page) amortised.
struct ResourceTable: Sendable {
    /// A stored resource: its JSON text and its position in `order`.
    private struct Entry: Sendable {
        var slot: Int
        var bytes: [UInt8]
    }

    private var entries: [String: Entry] = [:]
    private var order: [String?] = []
    private var holes = 0

    /// How many resources there are.
    var count: Int { entries.count }

    /// The resource with `id`, parsed from its stored text.
    subscript(id: String) -> JSONObject? {
        entries[id].flatMap { Self.decode($0.bytes) }
    }

    /// Whether a resource with `id` exists (without parsing it).
    func contains(_ id: String) -> Bool {
        entries[id] != nil
    }

    /// `id` as the table stores it, so an index can share that string instead of keeping its own copy.
    func storedID(_ id: String) -> String? {
        entries.index(forKey: id).map { entries[$0].key }
    }

    /// The stored compact JSON text of the resource with `id`.
    func bytes(of id: String) -> [UInt8]? {
        entries[id]?.bytes
    }

    /// Inserts a new resource at the end, or replaces an existing one in place.
    mutating func upsert(_ resource: JSONObject, id: String) {
        upsert(bytes: Self.encode(resource), id: id)
    }

    /// Like `upsert(_:id:)` with the resource's JSON text already at hand (as read from a snapshot).
    mutating func upsert(bytes: [UInt8], id: String) {
        if let slot = entries[id]?.slot {
            entries[id] = Entry(slot: slot, bytes: bytes)
        } else {
            entries[id] = Entry(slot: order.count, bytes: bytes)
            order.append(id)
        }
    }

    /// Removes the resource with `id`; returns whether there was one.
    @discardableResult
    mutating func remove(_ id: String) -> Bool {
        guard let removed = entries.removeValue(forKey: id) else { return false }
        order[removed.slot] = nil
        holes += 1
        return true
    }

    /// Resources `start..<start+count` (zero-based) in creation order; only these are parsed.
    mutating func page(from start: Int, count: Int) -> [JSONObject] {
        squeeze()
        guard start < order.count, count > 0 else { return [] }
        let end = min(order.count, start + count)
        return order[start..<end].compactMap { $0.flatMap { self[$0] } }
    }

    /// Every resource in creation order (each one parsed: O(total size)).
    var all: [JSONObject] {
        order.compactMap { $0.flatMap { self[$0] } }
    }

    /// Every id in creation order.
    var orderedIDs: [String] {
        order.compactMap { $0 }
    }

    /// Calls `body` with the stored JSON text of every resource in creation order, without parsing any.
    func forEachText(_ body: ([UInt8]) throws -> Void) rethrows {
        for id in order {
            if let id, let entry = entries[id] { try body(entry.bytes) }
        }
    }

    /// Whether `first` was created before `second`.
    func precedes(_ first: String, _ second: String) -> Bool {
        (entries[first]?.slot ?? .max) < (entries[second]?.slot ?? .max)
    }

    private mutating func squeeze() {
        guard holes > 0 else { return }
        order = order.filter { $0 != nil }
        for (slot, id) in order.enumerated() {
            if let id { entries[id]?.slot = slot }
        }
        holes = 0
    }

    /// The compact, key-sorted JSON text of `resource`, in a buffer no larger than the text.
    static func encode(_ resource: JSONObject) -> [UInt8] {
        var output: [UInt8] = []
        JSONValue.object(resource).write(into: &output)
        return [UInt8](unsafeUninitializedCapacity: output.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: output)
        }
    }

    /// The object stored as `bytes`; the text was written by `encode` or checked when the snapshot was read.
    private static func decode(_ bytes: [UInt8]) -> JSONObject? {
        (try? JSONParser.parse(bytes))?.objectValue
    }
}
