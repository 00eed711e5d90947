/// A SCIM attribute path (RFC 7644 §3.10): an optional schema URN, an attribute, an optional sub-attribute.
///
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value` has schema
/// `urn:…:enterprise:2.0:User`, name `manager` and sub-attribute `value`. A bare extension URN names the extension
/// object itself, which is stored under that URN as a top-level key, so it parses as a plain name.
struct AttributePath: Sendable, Hashable, CustomStringConvertible {
    /// The extension schema whose object holds the attribute; nil for core attributes.
    var schema: String?
    /// The attribute name.
    var name: String
    /// The sub-attribute, as in `name.givenName`.
    var subAttribute: String?

    var description: String {
        let base = schema.map { "\($0):\(name)" } ?? name
        return subAttribute.map { "\(base).\($0)" } ?? base
    }

    /// The lower-cased dotted name without schema (`emails.value`), used to look up per-attribute rules.
    var dottedName: String {
        (subAttribute.map { "\(name).\($0)" } ?? name).lowercased()
    }

    /// Parses `text`; returns nil if it is not a valid attribute path.
    ///
    /// - Parameter wholeSchemas: URNs that, written alone, name an extension object rather than an attribute.
    static func parse(_ text: String, wholeSchemas: [String] = []) -> AttributePath? {
        if let urn = wholeSchemas.first(where: { $0.equalsIgnoringASCIICase(text) }) {
            return AttributePath(schema: nil, name: urn)
        }
        var schema: String?
        var rest = Substring(text)
        if text.hasPrefixIgnoringASCIICase("urn:") {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            let urn = String(text[..<colon])
            rest = text[text.index(after: colon)...]
            let isCore = urn.equalsIgnoringASCIICase(SCIMURN.user) || urn.equalsIgnoringASCIICase(SCIMURN.group)
            schema = isCore ? nil : urn
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(isAttributeName) else { return nil }
        return AttributePath(
            schema: schema, name: String(parts[0]), subAttribute: parts.count == 2 ? String(parts[1]) : nil)
    }

    /// RFC 7643 §2.1 `ATTRNAME`, plus `$ref`.
    static func isAttributeName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if text == "$ref" { return true }
        let letters = CharacterSetASCII.letters
        guard letters(first) else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy {
            letters($0) || CharacterSetASCII.digits($0) || $0 == "-" || $0 == "_"
        }
    }

    /// The values found at this path in `object`, with multi-valued attributes flattened.
    func values(in object: JSONObject) -> [JSONValue] {
        let container: JSONObject
        if let schema {
            guard let extensionObject = object[scim: schema]?.objectValue else { return [] }
            container = extensionObject
        } else {
            container = object
        }
        guard let value = container[scim: name] else { return [] }
        guard let subAttribute else { return Self.flatten(value) }
        switch value {
        case .array(let elements):
            return elements.flatMap { $0.objectValue?[scim: subAttribute].map(Self.flatten) ?? [] }
        case .object(let inner):
            return inner[scim: subAttribute].map(Self.flatten) ?? []
        case .null, .bool, .number, .string:
            return []
        }
    }

    private static func flatten(_ value: JSONValue) -> [JSONValue] {
        if case .array(let elements) = value { return elements }
        return [value]
    }
}

/// ASCII character classes without Foundation.
enum CharacterSetASCII {
    /// ASCII letters.
    static func letters(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// ASCII digits.
    static func digits(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
