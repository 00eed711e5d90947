/// Any JSON value.
///
/// SCIM objects are kept in this form so attributes roster does not manage survive a fetch-merge-PUT untouched.
public enum JSONValue: Sendable, Hashable, Codable {
    /// `null`
    case null
    /// `true` / `false`
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Decodes any JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes as plain JSON (whole numbers without a fraction).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                try container.encode(Int(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The string, if this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one (also accepts the strings "true"/"false", as some vendors send).
    public var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value):
            return value.lowercased() == "true" ? true : value.lowercased() == "false" ? false : nil
        case .null, .number, .array, .object: return nil
        }
    }

    /// The number as an Int, if this is a number (or a numeric string).
    public var int: Int? {
        switch self {
        case .number(let value): return Int(exactly: value.rounded())
        case .string(let value): return Int(value)
        case .null, .bool, .array, .object: return nil
        }
    }

    /// The array, if this is one.
    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The object, if this is one.
    public var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A member of an object, or nil.
    public subscript(key: String) -> JSONValue? { object?[key] }
}
