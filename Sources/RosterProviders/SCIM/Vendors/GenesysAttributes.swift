public import RosterModel

/// Genesys Cloud's user attributes (scim-vendors.md §1.3): no `name.*`; the work email is `emails[type=work]`
/// (the `other` one is the login, derived from userName and immutable); division by name and manager by user id in
/// the enterprise extension; routing skills and languages with proficiency in the Genesys extension.
public struct GenesysAttributes: SCIMVendorAttributes {
    /// The Genesys user extension.
    public static let schema = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User"

    /// Creates the mapping.
    public init() {}

    /// What Genesys holds.
    public var attributes: Set<String> {
        [
            Attribute.displayName, Attribute.email, Attribute.title, Attribute.department, Attribute.phone,
            Attribute.roles, Attribute.skills, Attribute.languages, Attribute.division, Attribute.manager,
        ]
    }

    /// Core, enterprise and Genesys.
    public var schemas: [String] { [SCIMSchema.enterprise, Self.schema] }

    /// Reads the work email strictly, the division and the routing skills and languages.
    public func read(_ json: JSONValue, into attributes: inout AttributeMap) {
        let work = json["emails"]?.array?.first { $0["type"]?.string == "work" }?["value"]?.string
        attributes[Attribute.email] = work.map(AttributeValue.string)
        if let division = json[SCIMSchema.enterprise]?["division"]?.string {
            attributes[Attribute.division] = .string(division)
        }
        let genesys = json[Self.schema]
        if let skills = genesys?["routingSkills"]?.array {
            attributes[Attribute.skills] = .levels(Self.levels(skills))
        }
        if let languages = genesys?["routingLanguages"]?.array {
            attributes[Attribute.languages] = .levels(Self.levels(languages))
        }
    }

    /// Writes the work email without touching the login email, the division, skills and languages.
    public func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool {
        switch attribute {
        case Attribute.email:
            object["emails"] = Self.withWorkEmail(object["emails"], value?.text)
        case Attribute.division:
            var enterprise = object[SCIMSchema.enterprise]?.object ?? [:]
            enterprise["division"] = value?.text.map(JSONValue.string)
            object[SCIMSchema.enterprise] = .object(enterprise)
        case Attribute.skills, Attribute.languages:
            var genesys = object[Self.schema]?.object ?? [:]
            genesys[Self.field(attribute)] = Self.proficiencies(value)
            object[Self.schema] = .object(genesys)
        default:
            return false
        }
        return true
    }

    /// Replaces the work email by value path, the division, or a whole skill or language list.
    public func patch(_ attribute: String, _ value: AttributeValue?) -> PatchOperation? {
        switch attribute {
        case Attribute.email:
            guard let text = value?.text else { return PatchOperation(.remove, path: "emails[type eq \"work\"]") }
            return PatchOperation(.replace, path: "emails[type eq \"work\"].value", value: .string(text))
        case Attribute.division:
            return PatchOperation(
                .replace, path: "\(SCIMSchema.enterprise):division", value: value?.text.map(JSONValue.string) ?? .null)
        case Attribute.skills, Attribute.languages:
            return PatchOperation(
                .replace, path: "\(Self.schema):\(Self.field(attribute))", value: Self.proficiencies(value))
        default:
            return nil
        }
    }

    static func field(_ attribute: String) -> String {
        attribute == Attribute.skills ? "routingSkills" : "routingLanguages"
    }

    /// `[{name, proficiency}]` sorted by name.
    static func proficiencies(_ value: AttributeValue?) -> JSONValue {
        guard case .levels(let levels) = value else { return .array([]) }
        return .array(
            levels.sorted { $0.key < $1.key }.map {
                .object(["name": .string($0.key), "proficiency": .number(Double($0.value))])
            })
    }

    static func levels(_ entries: [JSONValue]) -> [String: Int] {
        var levels: [String: Int] = [:]
        for entry in entries {
            guard let name = entry["name"]?.string else { continue }
            levels[name] = entry["proficiency"]?.int ?? 0
        }
        return levels
    }

    /// The emails with the `work` entry set, removed, or added; other entries (the login email) untouched.
    static func withWorkEmail(_ emails: JSONValue?, _ value: String?) -> JSONValue {
        var entries = (emails?.array ?? []).filter { $0["type"]?.string != "work" }
        if let value { entries.append(.object(["type": .string("work"), "value": .string(value)])) }
        return .array(entries)
    }
}

extension AttributeValue {
    /// The text of a string value.
    var text: String? {
        if case .string(let text) = self { text } else { nil }
    }
}
