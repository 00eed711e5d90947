/// One operation of a PATCH request (RFC 7644 §3.5.2).
struct PatchOperation: Sendable, Equatable {
    /// The operation names; matched case-insensitively because Entra ID sends `Replace`.
    enum Op: String, Sendable {
        case add, replace, remove
    }

    var op: Op
    var path: PatchPath?
    var value: JSONValue?

    /// Parses a `urn:ietf:params:scim:api:messages:2.0:PatchOp` body.
    ///
    /// - Parameter wholeSchemas: extension URNs that, as a path, name the whole extension object.
    static func parseRequest(_ body: JSONObject, wholeSchemas: [String]) throws(SCIMError) -> [PatchOperation] {
        if let schemas = body[scim: "schemas"]?.arrayValue,
            !schemas.contains(where: { $0.stringValue?.equalsIgnoringASCIICase(SCIMURN.patchOp) == true })
        {
            throw .badRequest(.invalidSyntax, "schemas must contain \(SCIMURN.patchOp)")
        }
        guard case .array(let list)? = body[scim: "Operations"], !list.isEmpty else {
            throw .badRequest(.invalidSyntax, "a PATCH request needs a non-empty Operations array")
        }
        var operations: [PatchOperation] = []
        for (position, element) in list.enumerated() {
            guard case .object(let object) = element else {
                throw .badRequest(.invalidSyntax, "Operations[\(position)] must be an object")
            }
            operations.append(try parseOperation(object, position: position, wholeSchemas: wholeSchemas))
        }
        return operations
    }

    private static func parseOperation(
        _ object: JSONObject, position: Int, wholeSchemas: [String]
    ) throws(SCIMError)
        -> PatchOperation
    {
        guard let name = object[scim: "op"]?.stringValue, let op = Op(rawValue: name.lowercased()) else {
            throw .badRequest(.invalidSyntax, "Operations[\(position)].op must be add, replace or remove")
        }
        var path: PatchPath?
        if let text = object[scim: "path"] {
            guard case .string(let string) = text else {
                throw .badRequest(.invalidPath, "Operations[\(position)].path must be a string")
            }
            path = try PatchPath.parse(string, wholeSchemas: wholeSchemas)
        }
        let value = object[scim: "value"]
        switch op {
        case .remove:
            guard path != nil else { throw .badRequest(.noTarget, "Operations[\(position)]: remove needs a path") }
        case .add, .replace:
            guard value != nil else {
                throw .badRequest(.invalidSyntax, "Operations[\(position)]: \(op.rawValue) needs a value")
            }
        }
        return PatchOperation(op: op, path: path, value: value)
    }

    /// The top-level attributes the operation touches (lower-cased), as checked by `patchableUserAttributes`.
    var touchedAttributes: [String] {
        if let path {
            return [(path.attribute.schema ?? path.attribute.name).lowercased()]
        }
        return (value?.objectValue?.keys).map { $0.map { $0.lowercased() } } ?? []
    }
}
