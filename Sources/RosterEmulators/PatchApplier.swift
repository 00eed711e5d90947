/// Applies PATCH operations to a stored resource, in order, stopping at the first error (RFC 7644 §3.5.2).
struct PatchApplier: Sendable {
    /// Extension URNs that name a whole extension object.
    var wholeSchemas: [String]
    /// Attributes a path may not target (`id`, `meta`, `schemas`, and a user's derived `groups`).
    var readOnly: Set<String>

    /// Applies every operation to `resource`.
    func apply(_ operations: [PatchOperation], to resource: inout JSONObject) throws(SCIMError) {
        for operation in operations {
            if let path = operation.path {
                guard path.attribute.schema != nil || !readOnly.contains(path.attribute.name.lowercased()) else {
                    throw .badRequest(.mutability, "\(path.attribute.name) is read-only")
                }
                try apply(operation.op, at: path, value: operation.value, to: &resource)
            } else {
                try applyWithoutPath(operation, to: &resource)
            }
        }
    }

    /// A PATCH without a path merges the attributes of its value object into the resource; read-only attributes
    /// in it are ignored (clients often echo whole objects).
    private func applyWithoutPath(_ operation: PatchOperation, to resource: inout JSONObject) throws(SCIMError) {
        guard case .object(let members)? = operation.value else {
            throw .badRequest(.invalidValue, "a \(operation.op.rawValue) without a path needs an object value")
        }
        for (key, value) in members {
            if let urn = wholeSchemas.first(where: { $0.equalsIgnoringASCIICase(key) }), case .object(let inner) = value
            {
                for (innerKey, innerValue) in inner {
                    guard let attribute = AttributePath.parse(innerKey) else { throw invalidPath(innerKey) }
                    let path = AttributePath(schema: urn, name: attribute.name, subAttribute: attribute.subAttribute)
                    try apply(operation.op, at: PatchPath(attribute: path), value: innerValue, to: &resource)
                }
                continue
            }
            guard let attribute = AttributePath.parse(key) else { throw invalidPath(key) }
            if attribute.schema == nil, readOnly.contains(attribute.name.lowercased()) { continue }
            try apply(operation.op, at: PatchPath(attribute: attribute), value: value, to: &resource)
        }
    }

    private func invalidPath(_ key: String) -> SCIMError {
        .badRequest(.invalidPath, "'\(key)' is not an attribute path")
    }

    private func apply(
        _ op: PatchOperation.Op, at path: PatchPath, value: JSONValue?, to resource: inout JSONObject
    )
        throws(SCIMError)
    {
        guard let schema = path.attribute.schema else {
            try applyInside(op, at: path, value: value, to: &resource)
            return
        }
        let key = resource.scimKey(schema) ?? wholeSchemas.first { $0.equalsIgnoringASCIICase(schema) } ?? schema
        var container = resource[key]?.objectValue ?? [:]
        var inner = path
        inner.attribute.schema = nil
        try applyInside(op, at: inner, value: value, to: &container)
        resource[key] = container.isEmpty ? nil : .object(container)
    }

    private func applyInside(
        _ op: PatchOperation.Op, at path: PatchPath, value: JSONValue?, to object: inout JSONObject
    )
        throws(SCIMError)
    {
        let name = path.attribute.name
        let key = object.scimKey(name) ?? name
        if let filter = path.filter {
            var elements = object[key]?.arrayValue ?? []
            try FilteredPatch(op: op, filter: filter, subAttribute: path.valueSubAttribute, value: value)
                .apply(to: &elements, parent: name.lowercased(), attribute: name)
            object[key] = elements.isEmpty ? nil : .array(elements)
        } else if let sub = path.attribute.subAttribute {
            object[key] = try Self.applySub(op, sub: sub, value: value, to: object[key], attribute: name)
        } else {
            object[key] = Self.merge(op, existing: object[key], value: value)
        }
    }

    /// `name.givenName`-style paths; on a multi-valued attribute without a filter the change reaches every element.
    private static func applySub(
        _ op: PatchOperation.Op, sub: String, value: JSONValue?, to existing: JSONValue?, attribute: String
    ) throws(SCIMError) -> JSONValue? {
        func change(_ object: JSONObject) -> JSONObject {
            var object = object
            let key = object.scimKey(sub) ?? sub
            object[key] = op == .remove ? nil : merge(op, existing: object[key], value: value)
            return object
        }
        switch existing {
        case .array(let elements)?:
            return .array(elements.map { $0.objectValue.map { .object(change($0)) } ?? $0 })
        case .object(let object)?:
            let changed = change(object)
            return changed.isEmpty ? nil : .object(changed)
        case nil, .null?:
            let changed = change([:])
            return changed.isEmpty ? nil : .object(changed)
        case .bool?, .number?, .string?:
            throw .badRequest(.invalidPath, "\(attribute) has no sub-attribute \(sub)")
        }
    }

    /// The result of `op` with `value` on an attribute whose current value is `existing`: `add` appends to
    /// multi-valued attributes and merges complex ones, `replace` merges complex ones and replaces the rest, and
    /// `remove` with a value removes just those elements.
    static func merge(_ op: PatchOperation.Op, existing: JSONValue?, value: JSONValue?) -> JSONValue? {
        switch (op, existing, value) {
        case (.remove, .array(let current)?, .array(let removed)?):
            let remaining = current.filter { element in !removed.contains { sameElement($0, element) } }
            return remaining.isEmpty ? nil : .array(remaining)
        case (.remove, _, _), (_, _, nil), (_, _, .null?):
            return nil
        case (.add, .array(let current)?, .array(let added)?):
            var result = current
            for element in added where !result.contains(where: { sameElement($0, element) }) { result.append(element) }
            return .array(result)
        case (.add, .array(let current)?, let single?):
            return current.contains { sameElement($0, single) } ? .array(current) : .array(current + [single])
        case (_, .object(let current)?, .object(let changes)?):
            var merged = current
            for (key, change) in changes { merged[scim: key] = change == .null ? nil : change }
            return .object(merged)
        case (_, _, let replacement?):
            return replacement
        }
    }

    /// Elements of multi-valued attributes are the same when their `value`s are, or when equal as a whole.
    static func sameElement(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.objectValue?[scim: "value"], let right = rhs.objectValue?[scim: "value"] {
            return left == right
        }
        return lhs == rhs
    }
}
