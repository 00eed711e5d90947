/// Turns request elements into the domain's inputs, by the v13 schema (five9.md §3): unknown or qualified
/// elements are refused, values are checked against their XSD types and enumerations.
enum Five9RequestDecoder {
    static let generalInfoElements =
        Five9GeneralInfo.Field.allCases.map(\.elementName) + ["mediaTypeConfig", "password"]

    /// A `userGeneralInfo` element: the fields sent and the password, if any.
    static func generalInfo(_ node: XMLNode) throws(Five9Fault) -> (Five9GeneralInfo, password: String?) {
        let reader = try XMLReader(node, allowed: generalInfoElements)
        var info = Five9GeneralInfo()
        for field in Five9GeneralInfo.Field.allCases {
            guard let text = reader.string(field.elementName) else { continue }
            switch field.kind {
            case .boolean: info[field] = try XMLReader.boolean(text, field.elementName) ? "true" : "false"
            case .long: info[field] = try reader.long(field.elementName).map { String($0) }
            case .string: info[field] = text
            }
        }
        if let config = reader.child("mediaTypeConfig") { info.mediaTypes = try mediaTypes(config) }
        return (info, reader.string("password"))
    }

    private static func mediaTypes(_ node: XMLNode) throws(Five9Fault) -> [Five9MediaType] {
        var result: [Five9MediaType] = []
        for item in try XMLReader(node, allowed: ["mediaTypes"]).children("mediaTypes") {
            let reader = try XMLReader(item, allowed: ["enabled", "intlligentRouting", "maxAlowed", "type"])
            let type = reader.string("type")
            if let type, !Five9MediaType.types.contains(type) {
                throw .incorrectArgument("Unknown media type \"\(type)\".")
            }
            let maximum = try reader.int("maxAlowed")
            if let maximum, !(-128...127).contains(maximum) {
                throw .client("Unmarshalling Error: '\(maximum)' is not a valid xs:byte value for maxAlowed")
            }
            result.append(
                Five9MediaType(
                    enabled: try reader.bool("enabled"), intelligentRouting: try reader.bool("intlligentRouting"),
                    maxAllowed: maximum, type: type))
        }
        return result
    }

    /// A `userRoles` element: one update per role element present.
    static func roles(_ node: XMLNode) throws(Five9Fault) -> [Five9RoleUpdate] {
        let reader = try XMLReader(node, allowed: Five9RoleKind.allCases.map(\.rawValue))
        var updates: [Five9RoleUpdate] = []
        for kind in Five9RoleKind.allCases {
            guard let element = reader.child(kind.rawValue) else { continue }
            updates.append(try role(element, kind: kind))
        }
        return updates
    }

    private static func role(_ node: XMLNode, kind: Five9RoleKind) throws(Five9Fault) -> Five9RoleUpdate {
        let flags = ["alwaysRecorded", "attachVmToEmail", "sendEmailOnVm"]
        let reader = try XMLReader(node, allowed: ["permissions"] + (kind == .agent ? flags : []))
        var update = Five9RoleUpdate(kind: kind)
        if kind == .agent {
            update.alwaysRecorded = try reader.bool("alwaysRecorded")
            update.attachVmToEmail = try reader.bool("attachVmToEmail")
            update.sendEmailOnVm = try reader.bool("sendEmailOnVm")
        }
        for permission in reader.children("permissions") {
            let entry = try XMLReader(permission, allowed: ["type", "value"])
            guard let type = entry.string("type") else { throw .missedArgument("\(kind.rawValue).permissions.type") }
            guard let index = Five9PermissionCatalog.index(of: type, in: kind) else {
                throw .incorrectArgument("Unknown \(kind.rawValue) permission type \"\(type)\".")
            }
            guard let value = try entry.bool("value") else {
                throw .missedArgument("\(kind.rawValue).permissions.value")
            }
            update.values.append(.init(index: index, granted: value))
        }
        return update
    }

    /// A `userInfo` element (`createUser`).
    static func userInfo(_ node: XMLNode) throws(Five9Fault) -> Five9UserInput {
        let reader = try XMLReader(node, allowed: ["agentGroups", "cannedReports", "generalInfo", "roles", "skills"])
        var input = Five9UserInput()
        if let general = reader.child("generalInfo") { (input.general, input.password) = try generalInfo(general) }
        if let roles = reader.child("roles") { input.roles = try self.roles(roles) }
        input.skills = try reader.children("skills").map { (node) throws(Five9Fault) in try userSkill(node) }
        input.agentGroups = reader.strings("agentGroups")
        for report in reader.children("cannedReports") {
            let entry = try XMLReader(report, allowed: ["index", "name"])
            input.cannedReports.append(Five9CannedReport(index: try entry.int("index"), name: entry.string("name")))
        }
        return input
    }

    /// A `userSkill` element.
    static func userSkill(_ node: XMLNode) throws(Five9Fault) -> Five9UserSkillInput {
        let reader = try XMLReader(node, allowed: ["id", "level", "skillName", "userName"])
        return Five9UserSkillInput(
            id: try reader.long("id"), level: try reader.int("level"), skillName: reader.string("skillName"),
            userName: reader.string("userName"))
    }

    /// A `skill` element.
    static func skill(_ node: XMLNode) throws(Five9Fault) -> Five9SkillInput {
        let reader = try XMLReader(node, allowed: ["description", "id", "messageOfTheDay", "name", "routeVoiceMails"])
        return Five9SkillInput(
            description: reader.string("description"), id: try reader.long("id"),
            messageOfTheDay: reader.string("messageOfTheDay"), name: reader.string("name"),
            routeVoiceMails: try reader.bool("routeVoiceMails"))
    }

    /// A `skillInfo` element: the skill and its member rows.
    static func skillInfo(_ node: XMLNode) throws(Five9Fault) -> (Five9SkillInput?, [Five9UserSkillInput]) {
        let reader = try XMLReader(node, allowed: ["skill", "users"])
        let skill = try reader.child("skill").map { (node) throws(Five9Fault) in try self.skill(node) }
        let rows = try reader.children("users").map { (node) throws(Five9Fault) in try userSkill(node) }
        return (skill, rows)
    }

    /// An `agentGroup` element.
    static func agentGroup(_ node: XMLNode) throws(Five9Fault) -> Five9GroupInput {
        let reader = try XMLReader(node, allowed: ["agents", "description", "id", "name"])
        return Five9GroupInput(
            agents: reader.strings("agents"), description: reader.string("description"), id: try reader.long("id"),
            name: reader.string("name"))
    }

    /// `rolesToRemove` values.
    static func roleTypes(_ values: [String]) throws(Five9Fault) -> [Five9RoleKind] {
        var kinds: [Five9RoleKind] = []
        for value in values {
            guard let kind = Five9RoleKind(roleType: value.trimmingWhitespace) else {
                let known = Five9RoleKind.allCases.map(\.roleType).joined(separator: ", ")
                throw .incorrectArgument("Unknown role type \"\(value)\" (expected one of \(known)).")
            }
            kinds.append(kind)
        }
        return kinds
    }
}
