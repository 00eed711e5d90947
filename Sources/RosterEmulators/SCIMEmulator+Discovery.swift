extension SCIMEmulator {
    /// `/ServiceProviderConfig` (RFC 7643 §5), reflecting the options in force.
    func serviceProviderConfig(base: String) -> JSONValue {
        let bulk = options.bulkMaxOperations
        return .object([
            "schemas": .array([.string(SCIMURN.serviceProviderConfig)]),
            "documentationUri": .string("https://www.rfc-editor.org/rfc/rfc7644"),
            "patch": .object(["supported": .bool(true)]),
            "bulk": .object([
                "supported": .bool(bulk != nil),
                "maxOperations": .number(Double(bulk ?? 0)),
                "maxPayloadSize": .number(Double(bulk == nil ? 0 : options.bulkMaxPayloadSize)),
            ]),
            "filter": .object(["supported": .bool(true), "maxResults": .number(Double(options.maxPageSize))]),
            "changePassword": .object(["supported": .bool(false)]),
            "sort": .object(["supported": .bool(false)]),
            "etag": .object(["supported": .bool(true)]),
            "authenticationSchemes": .array([
                .object([
                    "type": .string("oauthbearertoken"), "name": .string("OAuth Bearer Token"),
                    "description": .string("Authentication with a Bearer token in the Authorization header"),
                    "specUri": .string("https://www.rfc-editor.org/rfc/rfc6750"), "primary": .bool(true),
                ])
            ]),
            "meta": .object([
                "resourceType": .string("ServiceProviderConfig"), "location": .string("\(base)/ServiceProviderConfig"),
            ]),
        ])
    }

    /// `/ResourceTypes` or `/ResourceTypes/{name}` (RFC 7643 §6).
    func resourceTypes(_ name: String?, base: String) throws(SCIMError) -> JSONValue {
        var kinds = [ResourceKind.user]
        if options.groups != .none { kinds.append(.group) }
        let documents = kinds.map { resourceType($0, base: base) }
        guard let name else { return Self.listOf(documents) }
        guard let kind = kinds.first(where: { $0.rawValue.equalsIgnoringASCIICase(name) }) else {
            throw .notFound("no resource type \(name)")
        }
        return resourceType(kind, base: base)
    }

    private func resourceType(_ kind: ResourceKind, base: String) -> JSONValue {
        let extensions = normalizer.extensionSchemas.filter { $0.extends == kind }.map { schema in
            JSONValue.object(["schema": .string(schema.id), "required": .bool(false)])
        }
        var document: JSONObject = [
            "schemas": .array([.string(SCIMURN.resourceType)]),
            "id": .string(kind.rawValue), "name": .string(kind.rawValue),
            "endpoint": .string(kind.endpoint), "description": .string(kind.rawValue),
            "schema": .string(kind.coreSchema),
            "meta": .object([
                "resourceType": .string("ResourceType"), "location": .string("\(base)/ResourceTypes/\(kind.rawValue)"),
            ]),
        ]
        if !extensions.isEmpty { document["schemaExtensions"] = .array(extensions) }
        return .object(document)
    }

    /// `/Schemas` or `/Schemas/{urn}` (RFC 7643 §7).
    func schemas(_ id: String?, base: String) throws(SCIMError) -> JSONValue {
        var all: [SCIMSchemaDefinition] = [.coreUser]
        if options.groups != .none { all.append(.coreGroup) }
        all += normalizer.extensionSchemas.filter { options.groups != .none || $0.extends == .user }
        guard let id else { return Self.listOf(all.map { $0.json(base: base) }) }
        guard let schema = all.first(where: { $0.id.equalsIgnoringASCIICase(id) }) else {
            throw .notFound("no schema \(id)")
        }
        return schema.json(base: base)
    }

    private static func listOf(_ resources: [JSONValue]) -> JSONValue {
        .object([
            "schemas": .array([.string(SCIMURN.listResponse)]),
            "totalResults": .number(Double(resources.count)), "startIndex": .number(1),
            "itemsPerPage": .number(Double(resources.count)), "Resources": .array(resources),
        ])
    }
}
