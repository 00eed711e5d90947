import Foundation

extension SCIMFilter {
    /// Attributes compared case-sensitively (`caseExact: true` in RFC 7643); everything else ignores case.
    static let caseExactAttributes: Set<String> = [
        "id", "externalid", "members.value", "groups.value", "manager.value", "meta.version",
    ]

    /// Whether `object` matches the filter.
    ///
    /// - Parameter parent: The multi-valued attribute whose element `object` is, inside a value filter; it makes
    ///   `members[value eq "x"]` compare `members.value` with the case rules of that attribute.
    func matches(_ object: JSONObject, parent: String? = nil) -> Bool {
        switch self {
        case .comparison(let path, let op, let expected):
            return Self.compare(path.values(in: object), op, expected, caseExact: Self.isCaseExact(path, parent))
        case .present(let path):
            return path.values(in: object).contains { $0.isPresent }
        case .and(let left, let right):
            return left.matches(object, parent: parent) && right.matches(object, parent: parent)
        case .or(let left, let right):
            return left.matches(object, parent: parent) || right.matches(object, parent: parent)
        case .not(let inner):
            return !inner.matches(object, parent: parent)
        case .valuePath(let path, let inner):
            let name = path.name.lowercased()
            return path.values(in: object).contains { element in
                element.objectValue.map { inner.matches($0, parent: name) } ?? false
            }
        }
    }

    private static func isCaseExact(_ path: AttributePath, _ parent: String?) -> Bool {
        let dotted = parent.map { "\($0).\(path.dottedName)" } ?? path.dottedName
        return caseExactAttributes.contains(dotted) || caseExactAttributes.contains(dotted + ".value")
    }

    /// Compares every value found at a path with the filter's value: `ne` holds when no value equals, `eq null`
    /// when nothing is assigned, every other operator when some value satisfies it.
    static func compare(_ values: [JSONValue], _ op: ComparisonOperator, _ expected: JSONValue, caseExact: Bool) -> Bool
    {
        if expected == .null {
            let assigned = values.contains { $0.isPresent }
            return op == .ne ? assigned : (op == .eq && !assigned)
        }
        if op == .ne { return !compare(values, .eq, expected, caseExact: caseExact) }
        return values.contains { compare(scalar(of: $0), op, expected, caseExact: caseExact) }
    }

    /// Complex values (`emails`, `members`) compare through their `value` sub-attribute.
    private static func scalar(of value: JSONValue) -> JSONValue {
        if case .object(let object) = value { return object[scim: "value"] ?? .null }
        return value
    }

    private static func compare(
        _ actual: JSONValue, _ op: ComparisonOperator, _ expected: JSONValue, caseExact: Bool
    )
        -> Bool
    {
        switch (actual, expected) {
        case (.string(let left), .string(let right)):
            if op.isOrdering, let leftDate = date(left), let rightDate = date(right) {
                return order(leftDate, rightDate, op)
            }
            return compareStrings(caseExact ? left : left.lowercased(), op, caseExact ? right : right.lowercased())
        case (.number(let left), .number(let right)):
            return op.isSubstring ? false : order(left, right, op)
        case (.bool(let left), .bool(let right)):
            return op == .eq && left == right
        default:
            return false
        }
    }

    private static func compareStrings(_ left: String, _ op: ComparisonOperator, _ right: String) -> Bool {
        switch op {
        case .co: left.contains(right)
        case .sw: left.hasPrefix(right)
        case .ew: left.hasSuffix(right)
        case .eq, .ne, .gt, .ge, .lt, .le: order(left, right, op)
        }
    }

    private static func order<T: Comparable>(_ left: T, _ right: T, _ op: ComparisonOperator) -> Bool {
        switch op {
        case .eq: left == right
        case .ne: left != right
        case .gt: left > right
        case .ge: left >= right
        case .lt: left < right
        case .le: left <= right
        case .co, .sw, .ew: false
        }
    }

    /// Parses an RFC 3339 timestamp such as `meta.lastModified`, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        guard text.count >= 20, text.unicodeScalars.first.map(CharacterSetASCII.digits) == true else { return nil }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
