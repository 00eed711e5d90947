extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string value.
    init(stringLiteral value: String) {
        self = .string(value)
    }

    /// A Boolean value.
    init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// A number value.
    init(integerLiteral value: Int) {
        self = .number(Double(value))
    }

    /// An array value.
    init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// An object value.
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements) { _, last in last })
    }
}
