/// The `attributes` / `excludedAttributes` parameters (RFC 7644 §3.4.2.5): which attributes a response carries.
///
/// `id` and `schemas` are always returned.
struct AttributeProjection: Sendable, Equatable {
    /// Only these attributes are returned (if non-empty).
    var attributes: [AttributePath]
    /// These attributes are left out.
    var excluded: [AttributePath]

    /// Parses the two comma-separated parameters; nil when neither is given.
    static func parse(
        attributes: String?, excluded: String?, wholeSchemas: [String]
    ) throws(SCIMError)
        -> AttributeProjection?
    {
        guard attributes != nil || excluded != nil else { return nil }
        return AttributeProjection(
            attributes: try list(attributes, wholeSchemas), excluded: try list(excluded, wholeSchemas))
    }

    private static func list(_ text: String?, _ wholeSchemas: [String]) throws(SCIMError) -> [AttributePath] {
        guard let text else { return [] }
        var paths: [AttributePath] = []
        for item in text.split(separator: ",") {
            let name = item.trimmingSpaces
            guard let path = AttributePath.parse(name, wholeSchemas: wholeSchemas) else {
                throw .badRequest(.invalidPath, "'\(name)' is not an attribute path")
            }
            paths.append(path)
        }
        return paths
    }

    /// The resource with the projection applied.
    func apply(to resource: JSONObject) -> JSONObject {
        var result: JSONObject
        if attributes.isEmpty {
            result = resource
        } else {
            result = ["id": resource["id"] ?? .null, "schemas": resource["schemas"] ?? .array([])]
            for path in attributes { Self.copy(path, from: resource, into: &result) }
        }
        for path in excluded where !["id", "schemas"].contains(path.dottedName) {
            Self.remove(path, from: &result)
        }
        return result
    }

    private static func copy(_ path: AttributePath, from source: JSONObject, into target: inout JSONObject) {
        if let schema = path.schema {
            guard let key = source.scimKey(schema), let inner = source[key]?.objectValue else { return }
            var innerTarget = target[key]?.objectValue ?? [:]
            copy(AttributePath(name: path.name, subAttribute: path.subAttribute), from: inner, into: &innerTarget)
            if !innerTarget.isEmpty { target[key] = .object(innerTarget) }
            return
        }
        guard let key = source.scimKey(path.name), let value = source[key] else { return }
        guard let sub = path.subAttribute else {
            target[key] = value
            return
        }
        switch value {
        case .object(let object):
            guard let subKey = object.scimKey(sub) else { return }
            var merged = target[key]?.objectValue ?? [:]
            merged[subKey] = object[subKey]
            target[key] = .object(merged)
        case .array(let elements):
            target[key] = .array(
                elements.map { element in
                    guard let object = element.objectValue, let subKey = object.scimKey(sub) else {
                        return .object([:])
                    }
                    return .object([subKey: object[subKey]!])
                })
        case .null, .bool, .number, .string:
            return
        }
    }

    private static func remove(_ path: AttributePath, from target: inout JSONObject) {
        if let schema = path.schema {
            guard let key = target.scimKey(schema), var inner = target[key]?.objectValue else { return }
            remove(AttributePath(name: path.name, subAttribute: path.subAttribute), from: &inner)
            target[key] = inner.isEmpty ? nil : .object(inner)
            return
        }
        guard let key = target.scimKey(path.name) else { return }
        guard let sub = path.subAttribute else {
            target[key] = nil
            return
        }
        switch target[key] {
        case .object(var object)?:
            object[scim: sub] = nil
            target[key] = .object(object)
        case .array(let elements)?:
            target[key] = .array(
                elements.map { element in
                    guard var object = element.objectValue else { return element }
                    object[scim: sub] = nil
                    return .object(object)
                })
        case .null?, .bool?, .number?, .string?, nil:
            return
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
