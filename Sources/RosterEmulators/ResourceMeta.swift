import Foundation

/// `meta` bookkeeping (RFC 7643 §3.1): timestamps, the version counter and the weak ETag made from it.
enum ResourceMeta {
    /// The stored `meta` of a resource; `location` is added when rendering because it depends on the base URL.
    static func make(_ kind: ResourceKind, created: String, lastModified: String, version: Int) -> JSONValue {
        .object([
            "resourceType": .string(kind.rawValue),
            "created": .string(created),
            "lastModified": .string(lastModified),
            "version": .string(etag(version)),
        ])
    }

    /// The weak ETag for version `number`: `W/"3"`.
    static func etag(_ number: Int) -> String {
        "W/\"\(number)\""
    }

    /// The version number of a stored resource (0 if unknown).
    static func version(of resource: JSONObject) -> Int {
        guard let tag = resource["meta"]?.objectValue?["version"]?.stringValue else { return 0 }
        return Int(tag.filter(\.isNumber)) ?? 0
    }

    /// The ETag of a stored resource.
    static func etag(of resource: JSONObject) -> String {
        etag(version(of: resource))
    }

    /// `meta.created` of a stored resource.
    static func created(of resource: JSONObject) -> String? {
        resource["meta"]?.objectValue?["created"]?.stringValue
    }

    /// An RFC 3339 timestamp with milliseconds, in UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Whether an `If-Match` header value admits a resource whose ETag is `current` (`*`, or a list of tags
    /// compared weakly, RFC 9110 §13.1.1).
    static func ifMatch(_ header: String, admits current: String) -> Bool {
        let wanted = opaque(current)
        return header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || opaque(tag) == wanted
        }
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
