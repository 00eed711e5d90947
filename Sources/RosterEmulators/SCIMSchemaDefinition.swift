/// One attribute of a SCIM schema (RFC 7643 §7), enough to serve `/Schemas`, to spell attribute names the
/// canonical way, and to recognise unknown attributes.
struct SCIMAttributeDefinition: Sendable {
    var name: String
    var type: String
    var multiValued = false
    var required = false
    var caseExact = false
    var mutability = "readWrite"
    var returned = "default"
    var uniqueness = "none"
    var subAttributes: [SCIMAttributeDefinition] = []

    /// A single-valued string attribute.
    static func string(
        _ name: String, required: Bool = false, caseExact: Bool = false, mutability: String = "readWrite",
        returned: String = "default", uniqueness: String = "none"
    ) -> Self {
        Self(
            name: name, type: "string", required: required, caseExact: caseExact, mutability: mutability,
            returned: returned, uniqueness: uniqueness)
    }

    /// A single-valued attribute of another simple type.
    static func simple(_ name: String, type: String, mutability: String = "readWrite") -> Self {
        Self(name: name, type: type, mutability: mutability)
    }

    /// A complex attribute.
    static func complex(
        _ name: String, multiValued: Bool = false, mutability: String = "readWrite", _ subAttributes: [Self]
    ) -> Self {
        Self(
            name: name, type: "complex", multiValued: multiValued, mutability: mutability, subAttributes: subAttributes)
    }

    /// The usual sub-attributes of a multi-valued attribute such as `emails` (RFC 7643 §2.4).
    static let multiValuedParts: [Self] = [
        .string("value"), .string("display"), .string("type"), .simple("primary", type: "boolean"),
    ]

    /// The sub-attribute `name`, compared case-insensitively.
    func subAttribute(named name: String) -> SCIMAttributeDefinition? {
        subAttributes.first { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// The definition as RFC 7643 §7 writes it.
    var json: JSONValue {
        var object: JSONObject = [
            "name": .string(name), "type": .string(type), "multiValued": .bool(multiValued),
            "required": .bool(required), "caseExact": .bool(caseExact), "mutability": .string(mutability),
            "returned": .string(returned), "uniqueness": .string(uniqueness), "description": .string(name),
        ]
        if !subAttributes.isEmpty { object["subAttributes"] = .array(subAttributes.map(\.json)) }
        if type == "reference" { object["referenceTypes"] = .array([.string("User"), .string("Group")]) }
        return .object(object)
    }
}

/// A SCIM schema: its URN and attributes.
struct SCIMSchemaDefinition: Sendable {
    var id: String
    var name: String
    var description: String
    /// The resource type the schema describes or extends.
    var extends: ResourceKind
    var attributes: [SCIMAttributeDefinition]

    /// The attribute `name`, compared case-insensitively.
    func attribute(named name: String) -> SCIMAttributeDefinition? {
        attributes.first { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// The `/Schemas/{id}` document.
    func json(base: String) -> JSONValue {
        .object([
            "schemas": .array([.string(SCIMURN.schema)]),
            "id": .string(id), "name": .string(name), "description": .string(description),
            "attributes": .array(attributes.map(\.json)),
            "meta": .object(["resourceType": .string("Schema"), "location": .string("\(base)/Schemas/\(id)")]),
        ])
    }
}

extension SCIMSchemaDefinition {
    /// The attributes every resource has (RFC 7643 §3.1); they are not listed in the schemas themselves.
    static let commonAttributeNames: Set<String> = ["id", "externalid", "meta", "schemas"]

    /// `urn:ietf:params:scim:schemas:core:2.0:User` (RFC 7643 §4.1), without the rarely used x509 and ims.
    static let coreUser = SCIMSchemaDefinition(
        id: SCIMURN.user, name: "User", description: "User Account", extends: .user,
        attributes: [
            .string("userName", required: true, uniqueness: "server"),
            .complex(
                "name",
                [
                    .string("formatted"), .string("familyName"), .string("givenName"), .string("middleName"),
                    .string("honorificPrefix"), .string("honorificSuffix"),
                ]),
            .string("displayName"), .string("nickName"), .simple("profileUrl", type: "reference"), .string("title"),
            .string("userType"), .string("preferredLanguage"), .string("locale"), .string("timezone"),
            .simple("active", type: "boolean"),
            .string("password", mutability: "writeOnly", returned: "never"),
            .complex("emails", multiValued: true, SCIMAttributeDefinition.multiValuedParts),
            .complex("phoneNumbers", multiValued: true, SCIMAttributeDefinition.multiValuedParts),
            .complex("photos", multiValued: true, SCIMAttributeDefinition.multiValuedParts),
            .complex(
                "addresses", multiValued: true,
                [
                    .string("formatted"), .string("streetAddress"), .string("locality"), .string("region"),
                    .string("postalCode"), .string("country"), .string("type"), .simple("primary", type: "boolean"),
                ]),
            .complex(
                "groups", multiValued: true, mutability: "readOnly",
                [
                    .string("value", mutability: "readOnly"), .simple("$ref", type: "reference"),
                    .string("display", mutability: "readOnly"), .string("type", mutability: "readOnly"),
                ]),
            .complex("entitlements", multiValued: true, SCIMAttributeDefinition.multiValuedParts),
            .complex("roles", multiValued: true, SCIMAttributeDefinition.multiValuedParts),
        ])

    /// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` (RFC 7643 §4.3).
    static let enterpriseUser = SCIMSchemaDefinition(
        id: SCIMURN.enterpriseUser, name: "EnterpriseUser", description: "Enterprise User", extends: .user,
        attributes: [
            .string("employeeNumber"), .string("costCenter"), .string("organization"), .string("division"),
            .string("department"),
            .complex(
                "manager",
                [.string("value"), .simple("$ref", type: "reference"), .string("displayName", mutability: "readOnly")]),
        ])

    /// `urn:ietf:params:scim:schemas:core:2.0:Group` (RFC 7643 §4.2).
    static let coreGroup = SCIMSchemaDefinition(
        id: SCIMURN.group, name: "Group", description: "Group", extends: .group,
        attributes: [
            .string("displayName", required: true, uniqueness: "server"),
            .complex(
                "members", multiValued: true,
                [
                    .string("value", caseExact: true, mutability: "immutable"), .simple("$ref", type: "reference"),
                    .string("display"), .string("type", mutability: "immutable"),
                ]),
        ])
}
