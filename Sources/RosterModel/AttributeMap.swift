/// A user's attributes by canonical name (see `Attribute`): a small map kept as pairs sorted by name.
///
/// A user has about ten attributes. A dictionary that size spends most of its memory on empty buckets, and a plan
/// at 50,000 people holds more than half a million users (desired and live). Sorted pairs take under half the
/// memory, iterate in a stable order, and compare, hash and encode exactly like the `[String: AttributeValue]`
/// they replace (JSON: an object).
public struct AttributeMap: Sendable, Hashable, Codable, Sequence, ExpressibleByDictionaryLiteral {
    /// One attribute: its canonical name and value.
    public typealias Element = (key: String, value: AttributeValue)

    /// Sorted by key, keys unique.
    private var entries: [Element]

    /// Creates an empty map.
    public init() { entries = [] }

    /// Creates a map from a dictionary literal; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self.init(elements.lazy.map { (key: $0.0, value: $0.1) })
    }

    /// Creates a map holding a dictionary's attributes.
    public init(_ dictionary: [String: AttributeValue]) {
        entries = dictionary.sorted { $0.key < $1.key }
    }

    /// Creates a map from pairs; a repeated name keeps its last value.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == Element {
        entries = []
        for (key, value) in pairs { self[key] = value }
    }

    /// The value of the attribute `name`; setting nil removes it.
    public subscript(name: String) -> AttributeValue? {
        get {
            guard case .found(let index) = position(of: name) else { return nil }
            return entries[index].value
        }
        set {
            switch (position(of: name), newValue) {
            case (.found(let index), let value?): entries[index].value = value
            case (.found(let index), nil): entries.remove(at: index)
            case (.insert(let index), let value?): entries.insert((name, value), at: index)
            case (.insert, nil): break
            }
        }
    }

    /// The attribute names, sorted.
    public var keys: [String] { entries.map(\.key) }

    /// The values, in the order of their sorted names.
    public var values: [AttributeValue] { entries.map(\.value) }

    /// How many attributes there are.
    public var count: Int { entries.count }

    /// Whether there are none.
    public var isEmpty: Bool { entries.isEmpty }

    /// The same names with `transform` applied to each value.
    ///
    /// The result holds exactly its attributes, no spare room (`User.init` maps its attributes this way).
    public func mapValues(_ transform: (AttributeValue) throws -> AttributeValue) rethrows -> AttributeMap {
        var mapped = AttributeMap()
        mapped.entries = try entries.map { (key: $0.key, value: try transform($0.value)) }
        return mapped
    }

    /// Makes room for `capacity` attributes, for a map about to be filled one by one.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// The attributes `isIncluded` keeps.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> AttributeMap {
        var kept = self
        kept.entries = try entries.filter(isIncluded)
        return kept
    }

    /// The attributes as a dictionary.
    public var dictionary: [String: AttributeValue] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value) })
    }

    /// Iterates the attributes in name order.
    public func makeIterator() -> IndexingIterator<[Element]> { entries.makeIterator() }

    /// Whether both hold the same attributes with the same values.
    public static func == (lhs: AttributeMap, rhs: AttributeMap) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes every name and value in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for (key, value) in entries {
            hasher.combine(key)
            hasher.combine(value)
        }
    }

    /// Reads a JSON object.
    public init(from decoder: any Decoder) throws {
        self.init(try [String: AttributeValue](from: decoder))
    }

    /// Writes a JSON object, as the dictionary it stands for would be written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for (key, value) in entries { try container.encode(value, forKey: Name(key)) }
    }

    private enum Position {
        case found(Int)
        case insert(Int)
    }

    /// Binary search for `name`.
    private func position(of name: String) -> Position {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let key = entries[middle].key
            if key == name { return .found(middle) }
            if key < name { low = middle + 1 } else { high = middle }
        }
        return .insert(low)
    }

    /// An attribute name as a coding key.
    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
