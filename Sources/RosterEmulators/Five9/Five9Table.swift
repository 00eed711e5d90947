/// Records keyed by a case-sensitive name, in creation order, with O(1) lookup, insert, delete and rename.
///
/// Deleting leaves a hole in the order that is squeezed out lazily once holes outnumber records, so listing
/// stays O(count) amortised and deletes stay O(1).
struct Five9Table<Record: Sendable>: Sendable {
    private var records: [String: Record] = [:]
    private var order: [String?] = []
    private var slots: [String: Int] = [:]
    private var holes = 0

    /// How many records there are.
    var count: Int { records.count }

    /// The record named `name`.
    subscript(name: String) -> Record? { records[name] }

    /// Inserts a new record at the end, or replaces the one with that name in place.
    mutating func upsert(_ record: Record, name: String) {
        if records.updateValue(record, forKey: name) == nil {
            slots[name] = order.count
            order.append(name)
        }
    }

    /// Changes a record in place; does nothing if there is none named `name`.
    mutating func modify(_ name: String, _ change: (inout Record) -> Void) {
        guard var record = records[name] else { return }
        change(&record)
        records[name] = record
    }

    /// Moves the record named `old` to `new`, keeping its place in the order.
    mutating func rename(_ old: String, to new: String) {
        guard old != new, let record = records.removeValue(forKey: old), let slot = slots.removeValue(forKey: old)
        else { return }
        records[new] = record
        slots[new] = slot
        order[slot] = new
    }

    /// Removes and returns the record named `name`.
    @discardableResult
    mutating func remove(_ name: String) -> Record? {
        guard let record = records.removeValue(forKey: name), let slot = slots.removeValue(forKey: name) else {
            return nil
        }
        order[slot] = nil
        holes += 1
        if holes > 64, holes > records.count { squeeze() }
        return record
    }

    /// Every name in creation order.
    var names: [String] {
        order.compactMap { $0 }
    }

    /// Calls `body` with every record in creation order, without copying them into an array.
    func forEach(_ body: (Record) -> Void) {
        for name in order {
            if let name, let record = records[name] { body(record) }
        }
    }

    /// Every record in creation order.
    var all: [Record] {
        order.compactMap { $0.flatMap { records[$0] } }
    }

    private mutating func squeeze() {
        order = order.filter { $0 != nil }
        for (slot, name) in order.enumerated() {
            if let name { slots[name] = slot }
        }
        holes = 0
    }
}
