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
/// Deleting leaves a hole in the order; holes are squeezed out lazily before the next page is cut, so deletes are
/// O(1) and paging stays O(page) amortised.
struct ResourceTable: Sendable {
    private(set) var byID: [String: JSONObject] = [:]
    private var order: [String?] = []
    private var slots: [String: Int] = [:]
    private var holes = 0

    /// How many resources there are.
    var count: Int { byID.count }

    /// The resource with `id`.
    subscript(id: String) -> JSONObject? { byID[id] }

    /// Inserts a new resource at the end, or replaces an existing one in place.
    mutating func upsert(_ resource: JSONObject, id: String) {
        if byID.updateValue(resource, forKey: id) == nil {
            slots[id] = order.count
            order.append(id)
        }
    }

    /// Removes and returns the resource with `id`.
    @discardableResult
    mutating func remove(_ id: String) -> JSONObject? {
        guard let removed = byID.removeValue(forKey: id), let slot = slots.removeValue(forKey: id) else { return nil }
        order[slot] = nil
        holes += 1
        return removed
    }

    /// Resources `start..<start+count` (zero-based) in creation order.
    mutating func page(from start: Int, count: Int) -> [JSONObject] {
        squeeze()
        guard start < order.count, count > 0 else { return [] }
        let end = min(order.count, start + count)
        return order[start..<end].compactMap { $0.flatMap { byID[$0] } }
    }

    /// Every resource in creation order.
    var all: [JSONObject] {
        order.compactMap { $0.flatMap { byID[$0] } }
    }

    /// Every id in creation order.
    var orderedIDs: [String] {
        order.compactMap { $0 }
    }

    /// Whether `first` was created before `second`.
    func precedes(_ first: String, _ second: String) -> Bool {
        (slots[first] ?? .max) < (slots[second] ?? .max)
    }

    private mutating func squeeze() {
        guard holes > 0 else { return }
        order = order.filter { $0 != nil }
        for (slot, id) in order.enumerated() {
            if let id { slots[id] = slot }
        }
        holes = 0
    }
}
