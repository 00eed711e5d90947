/// A JSON value.
///
/// SCIM resources are kept in this form so that attributes the emulator does not know survive a
/// round trip exactly as a real service that stores them would return them.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON object; SCIM attribute names in it are matched case-insensitively (RFC 7643 §2.1).
typealias JSONObject = [String: JSONValue]

extension JSONValue {
    /// The string, if this is a string.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The Boolean, if this is a Boolean.
    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number, if this is a number.
    var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether the value counts as assigned in the sense of the SCIM `pr` operator: not null and not empty.
    var isPresent: Bool {
        switch self {
        case .null: false
        case .bool, .number: true
        case .string(let value): !value.isEmpty
        case .array(let value): !value.isEmpty
        case .object(let value): !value.isEmpty
        }
    }

    /// A short name of the value's JSON type, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a Boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The key actually used in this object for the SCIM attribute `name`, compared case-insensitively.
    func scimKey(_ name: String) -> String? {
        if self[name] != nil { return name }
        return keys.first { $0.equalsIgnoringASCIICase(name) }
    }

    /// The attribute `name`, looked up case-insensitively; setting `nil` removes it, and setting a value keeps
    /// the spelling of a key that is already there.
    subscript(scim name: String) -> JSONValue? {
        get {
            if let value = self[name] { return value }
            return scimKey(name).flatMap { self[$0] }
        }
        set {
            let key = scimKey(name) ?? name
            self[key] = newValue
        }
    }
}

extension String {
    /// Compares two strings ignoring the case of ASCII letters, without allocating (attribute names are ASCII).
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let lhs = utf8
        let rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where left != right {
            guard left.asciiLowercased == right.asciiLowercased else { return false }
        }
        return true
    }

    /// Whether the string starts with `prefix`, ignoring the case of ASCII letters.
    func hasPrefixIgnoringASCIICase(_ prefix: String) -> Bool {
        let lhs = utf8
        let rhs = prefix.utf8
        guard lhs.count >= rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where left.asciiLowercased != right.asciiLowercased {
            return false
        }
        return true
    }
}

extension UInt8 {
    /// The byte with ASCII upper-case letters turned into lower case.
    var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self + 0x20 : self
    }
}
