public import RosterModel

/// Maps between SCIM user JSON (RFC 7643 core + enterprise extension) and roster's `User`.
///
/// This is the only place that knows both shapes. Vendor dialects wrap it to add their extensions.
///
/// The manager is the one attribute whose wire value needs the provider's knowledge: roster names a manager by
/// userName, RFC 7643 by the manager's SCIM `id`. The mapping reads the id (`managerID(in:)`) and writes an id it is
/// given; `SCIMProvider` resolves between the two from the users it knows.
public struct SCIMUserMapping: Sendable {
    /// The canonical attributes this mapping reads and writes.
    public static let attributes: Set<String> = [
        Attribute.givenName, Attribute.familyName, Attribute.displayName, Attribute.email, Attribute.title,
        Attribute.department, Attribute.locale, Attribute.timezone, Attribute.phone, Attribute.roles,
        Attribute.manager,
    ]

    /// The vendor's own attributes, read and written over the generic ones.
    public var vendor: (any SCIMVendorAttributes)?

    /// Creates the mapping, optionally with a vendor's attributes.
    public init(vendor: (any SCIMVendorAttributes)? = nil) {
        self.vendor = vendor
    }

    /// The canonical attributes this mapping reads and writes for its vendor.
    public var managedAttributes: Set<String> { vendor?.attributes ?? Self.attributes }

    /// The SCIM id of the user's manager (enterprise extension `manager.value`), if one is set.
    ///
    /// A bare string `manager` is accepted too, as some services store it that way.
    public static func managerID(in json: JSONValue) -> String? {
        let manager = json[SCIMSchema.enterprise]?["manager"]
        let id = manager?["value"]?.string ?? manager?.string
        return id?.isEmpty == false ? id : nil
    }

    /// Reads a user; nil when the object has no id or userName.
    ///
    /// The manager is left out: it is an id on the wire, which only the provider can turn into a userName.
    public func user(from json: JSONValue) -> LiveObject<User>? {
        guard let id = json["id"]?.string, let userName = json["userName"]?.string else { return nil }
        var attributes: AttributeMap = [:]
        func set(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { attributes[name] = .string(value) }
        }
        set(Attribute.givenName, json["name"]?["givenName"]?.string)
        set(Attribute.familyName, json["name"]?["familyName"]?.string)
        set(Attribute.displayName, json["displayName"]?.string)
        set(Attribute.email, Self.pick(json["emails"], type: "work")?["value"]?.string)
        set(Attribute.title, json["title"]?.string)
        set(Attribute.department, json[SCIMSchema.enterprise]?["department"]?.string)
        set(Attribute.locale, json["locale"]?.string)
        set(Attribute.timezone, json["timezone"]?.string)
        set(Attribute.phone, Self.pick(json["phoneNumbers"], type: "work")?["value"]?.string)
        if let roles = json["roles"]?.array {
            attributes[Attribute.roles] = .list(roles.compactMap { $0["value"]?.string ?? $0.string })
        }
        vendor?.read(json, into: &attributes)
        let user = User(
            userName: userName, externalId: json["externalId"]?.string, active: json["active"]?.bool ?? true,
            attributes: attributes)
        return LiveObject(id: id, value: user)
    }

    /// Writes `user` over `base` (the live object, or empty for a create), keeping everything it does not manage.
    ///
    /// - Parameter managerID: The SCIM id of `user`'s manager; when nil, the manager in `base` is kept as it is.
    public func json(for user: User, over base: JSONValue = .object([:]), managerID: String? = nil) -> JSONValue {
        var object = base.object ?? [:]
        var schemas = Set((object["schemas"]?.array ?? []).compactMap(\.string))
        schemas.insert(SCIMSchema.user)
        object["userName"] = .string(user.userName)
        if let externalId = user.externalId { object["externalId"] = .string(externalId) }
        object["active"] = .bool(user.active)
        for (attribute, value) in user.attributes.sorted(by: { $0.key < $1.key }) {
            if vendor?.write(attribute, value, to: &object) == true { continue }
            apply(attribute, value, to: &object, schemas: &schemas)
        }
        if let managerID {
            var enterprise = object[SCIMSchema.enterprise]?.object ?? [:]
            enterprise["manager"] = .object(["value": .string(managerID)])
            object[SCIMSchema.enterprise] = .object(enterprise)
            schemas.insert(SCIMSchema.enterprise)
        }
        schemas.formUnion(vendor?.schemas ?? [])
        object["schemas"] = .array(schemas.sorted().map(JSONValue.string))
        object["meta"] = nil
        return .object(object)
    }

    /// Sets one canonical attribute on a SCIM object.
    func apply(
        _ attribute: String, _ value: AttributeValue, to object: inout [String: JSONValue], schemas: inout Set<String>
    ) {
        let text: String? = if case .string(let string) = value { string } else { nil }
        switch attribute {
        case Attribute.givenName, Attribute.familyName:
            var name = object["name"]?.object ?? [:]
            name[attribute] = text.map(JSONValue.string)
            object["name"] = .object(name)
        case Attribute.displayName, Attribute.title, Attribute.locale, Attribute.timezone:
            object[attribute] = text.map(JSONValue.string)
        case Attribute.email:
            object["emails"] = Self.replacing(object["emails"], type: "work", with: text)
        case Attribute.phone:
            object["phoneNumbers"] = Self.replacing(object["phoneNumbers"], type: "work", with: text)
        case Attribute.department:
            var enterprise = object[SCIMSchema.enterprise]?.object ?? [:]
            enterprise["department"] = text.map(JSONValue.string)
            object[SCIMSchema.enterprise] = .object(enterprise)
            schemas.insert(SCIMSchema.enterprise)
        case Attribute.roles:
            if case .list(let roles) = value {
                object["roles"] = .array(roles.map { .object(["value": .string($0)]) })
            }
        default:
            // The manager is written by `json(for:over:managerID:)` from its id, never from the userName.
            break
        }
    }

    /// PATCH operations that move a live object to the desired values of `changes` (whole multi-valued
    /// attributes are replaced, computed from the live object so other entries survive).
    ///
    /// - Parameter managerID: The SCIM id of the manager a `manager` change sets; a change without one is skipped.
    public func operations(
        for changes: [AttributeChange], user: User, live: JSONValue, managerID: String? = nil
    ) -> [PatchOperation] {
        var scratch = live.object ?? [:]
        var schemas = Set<String>()
        var operations: [PatchOperation] = []
        for change in changes {
            if let operation = vendor?.patch(change.name, change.after) {
                operations.append(operation)
                continue
            }
            switch change.name {
            case "active":
                operations.append(PatchOperation(.replace, path: "active", value: .bool(user.active)))
            case Attribute.givenName, Attribute.familyName:
                operations.append(PatchOperation(.replace, path: "name.\(change.name)", value: Self.json(change.after)))
            case Attribute.email, Attribute.phone, Attribute.roles:
                guard let after = change.after else { continue }
                apply(change.name, after, to: &scratch, schemas: &schemas)
                let path =
                    change.name == Attribute.email
                    ? "emails" : change.name == Attribute.phone ? "phoneNumbers" : "roles"
                operations.append(PatchOperation(.replace, path: path, value: scratch[path] ?? .array([])))
            case Attribute.department:
                operations.append(
                    PatchOperation(
                        .replace, path: "\(SCIMSchema.enterprise):department", value: Self.json(change.after)))
            case Attribute.manager:
                if let operation = Self.managerOperation(change, managerID: managerID) { operations.append(operation) }
            default:
                operations.append(PatchOperation(.replace, path: change.name, value: Self.json(change.after)))
            }
        }
        return operations
    }

    /// `manager` replaced by `{value: id}` (RFC 7643 §4.3: a complex attribute), or removed when unset.
    static func managerOperation(_ change: AttributeChange, managerID: String?) -> PatchOperation? {
        let path = "\(SCIMSchema.enterprise):manager"
        guard change.after != nil else { return PatchOperation(.remove, path: path) }
        return managerID.map { PatchOperation(.replace, path: path, value: .object(["value": .string($0)])) }
    }

    static func json(_ value: AttributeValue?) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .int(let number): .number(Double(number))
        case .list(let list): .array(list.map(JSONValue.string))
        case .levels(let levels): .object(levels.mapValues { .number(Double($0)) })
        case nil: .null
        }
    }

    /// The entry of a multi-valued attribute with `type`, else the primary one, else the first.
    static func pick(_ values: JSONValue?, type: String) -> JSONValue? {
        guard let entries = values?.array, !entries.isEmpty else { return nil }
        return entries.first { $0["type"]?.string == type } ?? entries.first { $0["primary"]?.bool == true }
            ?? entries[0]
    }

    /// The multi-valued attribute with the `type` entry's value replaced (or added as primary), others kept.
    static func replacing(_ values: JSONValue?, type: String, with value: String?) -> JSONValue {
        var entries = values?.array ?? []
        let index =
            entries.firstIndex { $0["type"]?.string == type } ?? entries.firstIndex { $0["primary"]?.bool == true }
        guard let value else {
            if let index { entries.remove(at: index) }
            return .array(entries)
        }
        if let index, var entry = entries[index].object {
            entry["value"] = .string(value)
            entries[index] = .object(entry)
        } else {
            entries.insert(.object(["value": .string(value), "type": .string(type), "primary": .bool(true)]), at: 0)
        }
        return .array(entries)
    }
}
