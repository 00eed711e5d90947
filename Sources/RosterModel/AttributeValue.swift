/// The value of one user attribute, vendor-neutral.
///
/// Encodes as plain JSON (string, bool, number, array, object).
public enum AttributeValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A string, for example a title.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// An unordered set of names, kept sorted (roles, teams).
    case list([String])
    /// Names with a level or proficiency (skills, languages).
    case levels([String: Int])

    /// Creates a value from JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String].self) {
            self = .list(value)
        } else {
            self = .levels(try container.decode([String: Int].self))
        }
    }

    /// Writes the value as plain JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .levels(let value): try container.encode(value)
        }
    }

    /// A short rendering for plans: `"Agent"`, `true`, `3`, `["a", "b"]`, `{Sales: 3}`.
    public var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .list(let value): "[" + value.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .levels(let value):
            "{" + value.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// Normalises sets so two equal sets compare equal (lists sorted and de-duplicated).
    public var normalized: AttributeValue {
        switch self {
        case .list(let value): .list(Array(Set(value)).sorted())
        case .string, .bool, .int, .levels: self
        }
    }
}
