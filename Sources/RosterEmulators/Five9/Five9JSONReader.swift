/// The JSON form of Five9 records, shared by seeds, snapshots and the journal.
///
/// A user is its `userGeneralInfo` fields flattened (`userName`, `firstName`, `EMail`, `active`…), plus `roles`,
/// `skills` (name → level), `cannedReports`, `externalId` and `inUse`:
///
/// ```json
/// {"userName": "ana@acme.example", "firstName": "Ana", "active": true, "extension": "1042",
///  "roles": {"agent": {"permissions": ["ReceiveTransfer"], "alwaysRecorded": false}, "reporting": {}},
///  "skills": {"Sales": 1}}
/// ```
///
/// Seeds may also write `"roles": ["agent", "supervisor"]` and `"permissions": "all"`.
struct Five9JSONReader {
    /// Problems found so far, each naming where.
    private(set) var problems: [String] = []

    private mutating func problem(_ text: String) {
        problems.append(text)
    }

    /// A user, or nil (with problems noted) if it cannot be read.
    mutating func user(_ value: JSONValue, at path: String) -> Five9User? {
        guard case .object(let object) = value else {
            problem("\(path) must be an object")
            return nil
        }
        let known = Set(Five9GeneralInfo.Field.allCases.map(\.elementName)).union([
            "mediaTypeConfig", "roles", "skills", "cannedReports", "externalId", "inUse",
        ])
        for key in object.keys.sorted() where !known.contains(key) {
            problem("\(path): unknown field '\(key)'")
        }
        var user = Five9User(general: general(object, at: path))
        guard let userName = user.general.userName, !userName.isEmpty else {
            problem("\(path).userName is required and must be a non-empty string")
            return nil
        }
        user.roles = roles(object["roles"], at: "\(path).roles")
        user.skills = skills(object["skills"], at: "\(path).skills")
        user.externalId = string(object["externalId"], at: "\(path).externalId")
        user.inUse = bool(object["inUse"], at: "\(path).inUse") ?? false
        for (position, report) in (object["cannedReports"]?.arrayValue ?? []).enumerated() {
            let entry = report.objectValue ?? [:]
            user.cannedReports.append(
                Five9CannedReport(
                    index: int(entry["index"], at: "\(path).cannedReports[\(position)].index"),
                    name: string(entry["name"], at: "\(path).cannedReports[\(position)].name")))
        }
        return user
    }

    private mutating func general(_ object: JSONObject, at path: String) -> Five9GeneralInfo {
        var info = Five9GeneralInfo()
        for field in Five9GeneralInfo.Field.allCases where field != .fullName {
            guard let value = object[field.elementName] else { continue }
            let at = "\(path).\(field.elementName)"
            switch field.kind {
            case .boolean: info[field] = bool(value, at: at).map { String($0) }
            case .long: info[field] = int(value, at: at).map { String($0) }
            case .string: info[field] = string(value, at: at)
            }
        }
        if let list = object["mediaTypeConfig"]?.arrayValue {
            info.mediaTypes = list.enumerated().map { position, item in
                let entry = item.objectValue ?? [:]
                let at = "\(path).mediaTypeConfig[\(position)]"
                return Five9MediaType(
                    enabled: bool(entry["enabled"], at: "\(at).enabled"),
                    intelligentRouting: bool(entry["intlligentRouting"], at: "\(at).intlligentRouting"),
                    maxAllowed: int(entry["maxAlowed"], at: "\(at).maxAlowed"), type: string(entry["type"], at: at))
            }
        }
        info.deriveFullName()
        return info
    }

    /// Roles from the object form or the list-of-names shorthand.
    mutating func roles(_ value: JSONValue?, at path: String) -> Five9Roles {
        var roles = Five9Roles()
        switch value {
        case nil: break
        case .array(let names)?:
            for (position, name) in names.enumerated() {
                guard let kind = Self.roleKind(name.stringValue) else {
                    problem("\(path)[\(position)] must be agent, supervisor, admin, reporting or crmManager")
                    continue
                }
                roles[kind] = Five9Role(kind: kind)
            }
        case .object(let object)?:
            for key in object.keys.sorted() {
                guard let kind = Self.roleKind(key) else {
                    problem("\(path): unknown role '\(key)' (expected agent, supervisor, admin, reporting, crmManager)")
                    continue
                }
                roles[kind] = role(object[key]!, kind: kind, at: "\(path).\(key)")
            }
        case let other?:
            problem("\(path) must be an object or an array of role names, not \(other.typeName)")
        }
        return roles
    }

    private mutating func role(_ value: JSONValue, kind: Five9RoleKind, at path: String) -> Five9Role {
        var role = Five9Role(kind: kind)
        let object = value.objectValue ?? [:]
        if value.objectValue == nil, value != .bool(true) { problem("\(path) must be an object") }
        switch object["permissions"] {
        case nil: break
        case .string("all")?:
            role.permissions.bits = kind.permissionTypes.isEmpty ? 0 : (1 << kind.permissionTypes.count) - 1
        case .array(let list)?:
            switch Five9PermissionSet.granting(list.compactMap(\.stringValue), kind: kind) {
            case .success(let set): role.permissions = set
            case .failure(let unknown): problem("\(path).permissions: '\(unknown.type)' is not a \(kind) permission")
            }
        case let other?: problem("\(path).permissions must be an array of names or \"all\", not \(other.typeName)")
        }
        role.alwaysRecorded = bool(object["alwaysRecorded"], at: "\(path).alwaysRecorded") ?? false
        role.attachVmToEmail = bool(object["attachVmToEmail"], at: "\(path).attachVmToEmail") ?? false
        role.sendEmailOnVm = bool(object["sendEmailOnVm"], at: "\(path).sendEmailOnVm") ?? false
        return role
    }

    /// A role from its element name (`agent`) or `userRoleType` (`Agent`, `DomainAdmin`).
    static func roleKind(_ name: String?) -> Five9RoleKind? {
        guard let name else { return nil }
        if name == "admin" || name == "DomainAdmin" { return .admin }
        return Five9RoleKind.allCases.first { $0.rawValue.lowercased() == name.lowercased() }
    }

    private mutating func skills(_ value: JSONValue?, at path: String) -> [String: Int] {
        guard let value else { return [:] }
        guard case .object(let object) = value else {
            problem("\(path) must be an object of skill name → level")
            return [:]
        }
        var result: [String: Int] = [:]
        for (name, level) in object {
            guard let level = int(level, at: "\(path).\(name)"), (1...10).contains(level) else {
                problem("\(path).\(name) must be a level from 1 to 10")
                continue
            }
            result[name] = level
        }
        return result
    }

    /// A skill.
    mutating func skill(_ value: JSONValue, at path: String, id: Int64) -> Five9Skill? {
        let object = value.objectValue ?? [:]
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            problem("\(path).name is required and must be a non-empty string")
            return nil
        }
        for key in object.keys.sorted()
        where !["name", "id", "description", "messageOfTheDay", "routeVoiceMails", "inUse"].contains(key) {
            problem("\(path): unknown field '\(key)'")
        }
        return Five9Skill(
            id: int(object["id"], at: "\(path).id").map { Int64($0) } ?? id, name: name,
            description: string(object["description"], at: "\(path).description"),
            messageOfTheDay: string(object["messageOfTheDay"], at: "\(path).messageOfTheDay"),
            routeVoiceMails: bool(object["routeVoiceMails"], at: "\(path).routeVoiceMails"),
            inUse: bool(object["inUse"], at: "\(path).inUse") ?? false)
    }

    /// An agent group with its members.
    mutating func group(_ value: JSONValue, at path: String, id: Int64) -> Five9AgentGroup? {
        let object = value.objectValue ?? [:]
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            problem("\(path).name is required and must be a non-empty string")
            return nil
        }
        for key in object.keys.sorted() where !["name", "id", "description", "agents"].contains(key) {
            problem("\(path): unknown field '\(key)'")
        }
        var group = Five9AgentGroup(
            id: int(object["id"], at: "\(path).id").map { Int64($0) } ?? id, name: name,
            description: string(object["description"], at: "\(path).description"))
        group.members = Set((object["agents"]?.arrayValue ?? []).compactMap(\.stringValue))
        return group
    }

    mutating func string(_ value: JSONValue?, at path: String) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else {
            problem("\(path) must be a string, not \(value.typeName)")
            return nil
        }
        return text
    }

    mutating func bool(_ value: JSONValue?, at path: String) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value else {
            problem("\(path) must be true or false, not \(value.typeName)")
            return nil
        }
        return flag
    }

    mutating func int(_ value: JSONValue?, at path: String) -> Int? {
        guard let value else { return nil }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 9e15 else {
            problem("\(path) must be a whole number, not \(value.typeName)")
            return nil
        }
        return Int(number)
    }
}
