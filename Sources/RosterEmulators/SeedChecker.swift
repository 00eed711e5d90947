/// Checks the shape of a seed document and collects every problem with its JSON path (STYLE R6).
struct SeedChecker {
    /// The parts of a checked seed.
    struct Document {
        var users: [JSONObject] = []
        var groups: [JSONObject] = []
        var token: String?
        var maxPageSize: Int?
    }

    /// Problems found so far, each naming where.
    private(set) var problems: [String] = []
    private var ids: Set<String> = []
    private var userNames: Set<String> = []

    private mutating func problem(_ text: String) {
        problems.append(text)
    }

    /// Checks `root` and returns what could be read of it.
    mutating func check(_ root: JSONValue) -> Document {
        guard case .object(let object) = root else {
            problem("the seed must be a JSON object with \"users\" and \"groups\", not \(root.typeName)")
            return Document()
        }
        var document = Document()
        for key in object.keys.sorted() where !["users", "groups", "options"].contains(key) {
            problem("unknown key '\(key)' (expected users, groups or options)")
        }
        document.users = objects(object["users"], at: "users")
        document.groups = objects(object["groups"], at: "groups")
        for (position, user) in document.users.enumerated() { checkUser(user, at: "users[\(position)]") }
        for (position, group) in document.groups.enumerated() { noteID(group, at: "groups[\(position)]") }
        var displayNames: Set<String> = []
        for (position, group) in document.groups.enumerated() {
            checkGroup(group, at: "groups[\(position)]", displayNames: &displayNames)
        }
        if let options = object["options"] { checkOptions(options, into: &document) }
        return document
    }

    private mutating func objects(_ value: JSONValue?, at path: String) -> [JSONObject] {
        guard let value else { return [] }
        guard case .array(let elements) = value else {
            problem("\(path) must be an array, not \(value.typeName)")
            return []
        }
        var result: [JSONObject] = []
        for (position, element) in elements.enumerated() {
            guard case .object(let object) = element else {
                problem("\(path)[\(position)] must be an object, not \(element.typeName)")
                continue
            }
            result.append(object)
        }
        return result
    }

    private mutating func noteID(_ resource: JSONObject, at path: String) {
        guard let id = resource[scim: "id"] else { return }
        guard case .string(let text) = id, !text.isEmpty, !text.contains("/") else {
            problem("\(path).id must be a non-empty string without '/'")
            return
        }
        if !ids.insert(text).inserted { problem("\(path).id '\(text)' is used twice") }
    }

    private mutating func checkUser(_ user: JSONObject, at path: String) {
        noteID(user, at: path)
        guard case .string(let userName)? = user[scim: "userName"], !userName.isEmpty else {
            problem("\(path).userName is required and must be a non-empty string")
            return
        }
        if !userNames.insert(userName.lowercased()).inserted {
            problem("\(path).userName '\(userName)' is used twice (userNames are unique, ignoring case)")
        }
    }

    private mutating func checkGroup(_ group: JSONObject, at path: String, displayNames: inout Set<String>) {
        if case .string(let name)? = group[scim: "displayName"], !name.isEmpty {
            if !displayNames.insert(name.lowercased()).inserted {
                problem("\(path).displayName '\(name)' is used twice")
            }
        } else {
            problem("\(path).displayName is required and must be a non-empty string")
        }
        guard let members = group[scim: "members"] else { return }
        guard case .array(let list) = members else {
            problem("\(path).members must be an array")
            return
        }
        for (position, member) in list.enumerated() { checkMember(member, at: "\(path).members[\(position)]") }
    }

    private mutating func checkMember(_ member: JSONValue, at path: String) {
        switch (member.objectValue?[scim: "value"], member.objectValue?[scim: "userName"]) {
        case (.string(let id)?, nil):
            if !ids.contains(id) { problem("\(path).value '\(id)' is not the id of a user or group in this seed") }
        case (nil, .string(let userName)?):
            if !userNames.contains(userName.lowercased()) { problem("\(path): no user has userName '\(userName)'") }
        default:
            problem("\(path) must be {\"value\": \"<id>\"} or {\"userName\": \"<userName>\"}")
        }
    }

    private mutating func checkOptions(_ options: JSONValue, into document: inout Document) {
        guard case .object(let object) = options else {
            problem("options must be an object")
            return
        }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch (key, value) {
            case ("token", .string(let token)) where !token.isEmpty:
                document.token = token
            case ("maxPageSize", .number(let size)) where size >= 1 && size.rounded() == size && size <= 1_000_000:
                document.maxPageSize = Int(size)
            case ("token", _): problem("options.token must be a non-empty string")
            case ("maxPageSize", _): problem("options.maxPageSize must be a positive whole number")
            default: problem("unknown option '\(key)' (expected token or maxPageSize)")
            }
        }
    }
}
