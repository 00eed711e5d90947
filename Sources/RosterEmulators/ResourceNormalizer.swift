import Foundation

/// Turns a client's user or group into the stored form: canonical attribute spelling, read-only and write-only
/// attributes removed, unassigned (null, empty) values left out, `schemas` recomputed, required attributes checked.
struct ResourceNormalizer: Sendable {
    /// What to do with attributes no schema defines.
    var unknownAttributes: SCIMEmulatorOptions.UnknownAttributePolicy
    /// Extension schemas the service knows (enterprise plus vendor ones).
    var extensionSchemas: [SCIMSchemaDefinition]

    /// Attributes a client may send but the service never stores from input.
    private static let ignoredOnInput: Set<String> = ["id", "meta", "schemas", "password"]

    /// The core schema of `kind`.
    static func coreSchema(_ kind: ResourceKind) -> SCIMSchemaDefinition {
        switch kind {
        case .user: .coreUser
        case .group: .coreGroup
        }
    }

    /// The normalized resource, without `id` and `meta` (the caller adds them).
    func normalize(_ input: JSONObject, kind: ResourceKind) throws(SCIMError) -> JSONObject {
        let core = Self.coreSchema(kind)
        var output = JSONObject()
        for (key, value) in input where value.isPresent {
            let lower = key.lowercased()
            if Self.ignoredOnInput.contains(lower) || (kind == .user && lower == "groups") { continue }
            if lower == "externalid" {
                guard case .string = value else { throw .badRequest(.invalidValue, "externalId must be a string") }
                output["externalId"] = value
            } else if lower.hasPrefix("urn:") {
                if let (name, normalized) = try normalizeExtension(key, value, kind: kind) { output[name] = normalized }
            } else if let definition = core.attribute(named: key) {
                if let normalized = try canonical(value, definition, path: definition.name) {
                    output[definition.name] = normalized
                }
            } else if unknownAttributes == .store {
                output[key] = value
            }
        }
        try checkRequired(output, kind: kind)
        let extensions = output.keys.filter { $0.hasPrefixIgnoringASCIICase("urn:") && output[$0]?.objectValue != nil }
        output["schemas"] = .array(([core.id] + extensions.sorted()).map(JSONValue.string))
        return output
    }

    private func checkRequired(_ resource: JSONObject, kind: ResourceKind) throws(SCIMError) {
        let name =
            switch kind {
            case .user: "userName"
            case .group: "displayName"
            }
        guard let value = resource[name] else { throw .badRequest(.invalidValue, "\(name) is required") }
        guard case .string(let text) = value, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badRequest(.invalidValue, "\(name) must be a non-empty string")
        }
    }

    private func normalizeExtension(
        _ key: String, _ value: JSONValue, kind: ResourceKind
    ) throws(SCIMError)
        -> (String, JSONValue)?
    {
        guard let schema = extensionSchemas.first(where: { $0.extends == kind && $0.id.equalsIgnoringASCIICase(key) })
        else {
            return unknownAttributes == .store ? (key, value) : nil
        }
        guard case .object(let object) = value else {
            throw .badRequest(.invalidValue, "\(schema.id) must be an object, not \(value.typeName)")
        }
        let normalized = try canonicalMembers(object, schema.attributes, path: schema.id)
        return normalized.isEmpty ? nil : (schema.id, .object(normalized))
    }

    /// `value` checked against `definition`, with sub-attribute names spelled canonically; nil if unassigned.
    private func canonical(
        _ value: JSONValue, _ definition: SCIMAttributeDefinition, path: String
    ) throws(SCIMError)
        -> JSONValue?
    {
        guard value.isPresent else { return nil }
        if definition.type == "complex" {
            if definition.multiValued {
                guard case .array(let elements) = value else {
                    throw .badRequest(.invalidValue, "\(path) must be an array, not \(value.typeName)")
                }
                var result: [JSONValue] = []
                for element in elements where element.isPresent {
                    guard case .object(let object) = element else {
                        throw .badRequest(.invalidValue, "each \(path) entry must be an object")
                    }
                    result.append(.object(try canonicalMembers(object, definition.subAttributes, path: path)))
                }
                return result.isEmpty ? nil : .array(result)
            }
            guard case .object(let object) = value else {
                throw .badRequest(.invalidValue, "\(path) must be an object, not \(value.typeName)")
            }
            let result = try canonicalMembers(object, definition.subAttributes, path: path)
            return result.isEmpty ? nil : .object(result)
        }
        if definition.multiValued, case .array(let elements) = value {
            var result: [JSONValue] = []
            for element in elements where element.isPresent {
                result.append(try canonicalSimple(element, definition, path: path))
            }
            return result.isEmpty ? nil : .array(result)
        }
        return try canonicalSimple(value, definition, path: path)
    }

    private func canonicalSimple(
        _ value: JSONValue, _ definition: SCIMAttributeDefinition, path: String
    )
        throws(SCIMError) -> JSONValue
    {
        if definition.type == "boolean" {
            switch value {
            case .bool: return value
            case .string(let text) where ["true", "false"].contains(text.lowercased()):
                return .bool(text.lowercased() == "true")
            case .null, .number, .string, .array, .object:
                throw .badRequest(.invalidValue, "\(path) must be true or false, not \(value.typeName)")
            }
        }
        switch value {
        case .array, .object: throw .badRequest(.invalidValue, "\(path) must be a single value, not \(value.typeName)")
        case .null, .bool, .number, .string: return value
        }
    }

    private func canonicalMembers(
        _ object: JSONObject, _ definitions: [SCIMAttributeDefinition], path: String
    )
        throws(SCIMError) -> JSONObject
    {
        var result = JSONObject()
        for (key, value) in object where value.isPresent {
            if let definition = definitions.first(where: { $0.name.equalsIgnoringASCIICase(key) }) {
                if let normalized = try canonical(value, definition, path: "\(path).\(definition.name)") {
                    result[definition.name] = normalized
                }
            } else if unknownAttributes == .store {
                result[key] = value
            }
        }
        return result
    }
}
