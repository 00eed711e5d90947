import RosterModel
import RosterYAML

/// Typed reads of YAML nodes: each returns `nil` after recording a type diagnostic, so callers just skip.
extension DiagnosticCollector {
    /// The pairs of a mapping by key, after reporting keys outside `allowed` (with did-you-mean).
    func fields(_ node: YAMLNode, _ what: String, allowed: [String], in context: String) -> [String: YAMLPair]? {
        guard let pairs = mapping(node, what) else { return nil }
        var fields: [String: YAMLPair] = [:]
        fields.reserveCapacity(pairs.count)
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            if allowed.contains(key) {
                fields[key] = pair
            } else {
                unknownKey(key, at: pair.key.location, in: context, allowed: allowed)
            }
        }
        return fields
    }

    /// Reports an unknown key with the nearest allowed one (or the word roster uses for a common synonym).
    func unknownKey(_ key: String, at location: SourceLocation, in context: String, allowed: [String]) {
        let synonym = Self.synonyms[key].flatMap { allowed.contains($0) ? "did you mean '\($0)'?" : nil }
        error(
            .unknownKey, "unknown key '\(key)' in \(context)", at: location,
            hint: synonym ?? suggestion(for: key, among: allowed)
                ?? "allowed keys: \(allowed.joined(separator: ", "))")
    }

    /// Words other tools use for roster's keys.
    private static let synonyms = [
        "users": "people", "firstName": "givenName", "lastName": "familyName", "surname": "familyName",
        "mail": "email", "login": "userName", "timeZone": "timezone", "tz": "timezone", "url": "endpoint",
        "secrets": "credentials", "member": "members", "providers": "on",
    ]

    /// Reports each of `required` that `fields` lacks, at the mapping.
    func require(_ required: [String], in fields: [String: YAMLPair], of node: YAMLNode, _ context: String) {
        for key in required where fields[key] == nil {
            error(.missingKey, "missing required key '\(key)' in \(context)", at: node.location)
        }
    }

    /// The pairs of a mapping.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.pairs { return pairs }
        mismatch(node, expected: "a mapping", what)
        return nil
    }

    /// The items of a sequence.
    func list(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if let items = node.items { return items }
        mismatch(node, expected: "a list", what)
        return nil
    }

    /// A string scalar.
    func string(_ node: YAMLNode, _ what: String) -> String? {
        if let text = node.stringValue { return text }
        mismatch(node, expected: "a string", what)
        return nil
    }

    /// A string scalar that is not empty or blank.
    func nonEmptyString(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            error(.invalidValue, "\(what) must not be empty", at: node.location)
            return nil
        }
        return text
    }

    /// A boolean scalar (`true`/`false`).
    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if let value = node.boolValue { return value }
        mismatch(node, expected: "a boolean (true or false)", what)
        return nil
    }

    /// An integer scalar within `range`.
    func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node.integerValue else {
            mismatch(node, expected: "an integer", what)
            return nil
        }
        guard range.contains(value) else {
            let bounds =
                range.upperBound == Int.max
                ? "at least \(range.lowerBound)" : "\(range.lowerBound)..\(range.upperBound)"
            error(.invalidValue, "\(what) must be \(bounds), found \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// A number scalar within `range`.
    func number(_ node: YAMLNode, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = node.numberValue else {
            mismatch(node, expected: "a number", what)
            return nil
        }
        guard range.contains(value) else {
            let upper = range.upperBound == .greatestFiniteMagnitude ? "" : "..\(format(range.upperBound))"
            error(
                .invalidValue, "\(what) must be \(format(range.lowerBound))\(upper), found \(format(value))",
                at: node.location)
            return nil
        }
        return value
    }

    /// A list of strings, each with its location; bad items are reported and left out.
    func stringList(_ node: YAMLNode, _ what: String) -> [Located<String>]? {
        guard let items = node.items else {
            mismatch(node, expected: "a list of strings", what)
            return nil
        }
        var result: [Located<String>] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let text = item.stringValue else {
                mismatch(item, expected: "a string", what, preposition: "in")
                continue
            }
            result.append(Located(value: text, location: item.location))
        }
        return result
    }

    /// "expected a string for 'givenName', found a number" (with a quoting hint for scalars).
    func mismatch(_ node: YAMLNode, expected: String, _ what: String, preposition: String = "for") {
        var hint: String?
        if expected == "a string", let text = node.scalarText, !node.isNull {
            hint = "quote it to make it a string: \"\(text)\""
        }
        error(
            .typeMismatch, "expected \(expected) \(preposition) \(what), found \(node.manifestKind)",
            at: node.location, hint: hint)
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
