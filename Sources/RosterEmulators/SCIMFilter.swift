/// A parsed SCIM filter (RFC 7644 §3.4.2.2).
indirect enum SCIMFilter: Sendable, Equatable {
    /// `attrPath op value`.
    case comparison(AttributePath, ComparisonOperator, JSONValue)
    /// `attrPath pr`.
    case present(AttributePath)
    /// `a and b`.
    case and(SCIMFilter, SCIMFilter)
    /// `a or b`.
    case or(SCIMFilter, SCIMFilter)
    /// `not (a)`.
    case not(SCIMFilter)
    /// `attrPath[filter]`: some element of a multi-valued complex attribute matches the inner filter.
    case valuePath(AttributePath, SCIMFilter)

    /// The comparison operators.
    enum ComparisonOperator: String, Sendable, CaseIterable {
        case eq, ne, co, sw, ew, gt, ge, lt, le

        /// Whether the operator orders values (and so makes no sense on Booleans).
        var isOrdering: Bool {
            switch self {
            case .gt, .ge, .lt, .le: true
            case .eq, .ne, .co, .sw, .ew: false
            }
        }

        /// Whether the operator works on substrings only.
        var isSubstring: Bool {
            switch self {
            case .co, .sw, .ew: true
            case .eq, .ne, .gt, .ge, .lt, .le: false
            }
        }
    }

    /// Parses a `filter` parameter; a malformed one throws 400 `invalidFilter`.
    static func parse(_ text: String, acceptsUnquotedValues: Bool = false) throws(SCIMError) -> SCIMFilter {
        var parser = try FilterParser(text, acceptsUnquotedValues: acceptsUnquotedValues, errorType: .invalidFilter)
        let filter = try parser.parseOr()
        try parser.expectEnd()
        return filter
    }

    /// The `(attribute, value)` pairs that every matching resource must equal, found in the top-level `and`
    /// chain; the store answers these from its indexes instead of scanning.
    var requiredEqualities: [(path: AttributePath, value: String)] {
        switch self {
        case .comparison(let path, .eq, .string(let value)) where path.subAttribute == nil && path.schema == nil:
            [(path, value)]
        case .and(let left, let right):
            left.requiredEqualities + right.requiredEqualities
        case .comparison, .present, .or, .not, .valuePath:
            []
        }
    }

    /// Whether every matching resource must have `active` equal to false (`active eq false` in the top-level `and`
    /// chain); the store answers this from its set of inactive users instead of reading every user.
    var requiresInactive: Bool {
        switch self {
        case .comparison(let path, .eq, .bool(false)):
            path.subAttribute == nil && path.schema == nil && path.name.lowercased() == "active"
        case .and(let left, let right):
            left.requiresInactive || right.requiresInactive
        case .comparison, .present, .or, .not, .valuePath:
            false
        }
    }
}

/// A PATCH operation path (RFC 7644 §3.5.2): `attrPath`, or `valuePath` optionally followed by `.subAttr`.
struct PatchPath: Sendable, Equatable {
    /// The attribute (and, for `name.givenName`, its sub-attribute).
    var attribute: AttributePath
    /// The value filter in brackets, as in `members[value eq "…"]`.
    var filter: SCIMFilter?
    /// The sub-attribute after the brackets, as in `emails[type eq "work"].value`.
    var valueSubAttribute: String?

    /// Parses a PATCH `path`; a malformed one throws 400 `invalidPath`.
    static func parse(_ text: String, wholeSchemas: [String]) throws(SCIMError) -> PatchPath {
        if let whole = AttributePath.parse(text, wholeSchemas: wholeSchemas), whole.name.hasPrefix("urn:") {
            return PatchPath(attribute: whole)
        }
        var parser = try FilterParser(text, acceptsUnquotedValues: false, errorType: .invalidPath)
        let path = try parser.parsePatchPath()
        try parser.expectEnd()
        return path
    }
}
