/// A SOAP fault the emulator answers with (five9.md §1.7): `faultcode`, `faultstring` and, for the service's
/// named faults, a detail element `ns1:<name>` whose children (`message` plus typed fields) are sorted by name.
///
/// Texts are the emulator's own (five9.md: only `Skill "x" doesn't exist.` is known from the real service).
struct Five9Fault: Error, Sendable, Equatable {
    /// `env:Server` (every business fault), `env:Client` (a request the SOAP layer cannot take) or
    /// `env:VersionMismatch` (a SOAP 1.2 envelope).
    enum Code: String, Sendable {
        case server = "Server"
        case client = "Client"
        case versionMismatch = "VersionMismatch"
    }

    /// The fault code.
    var code: Code = .server
    /// The detail element's name, such as `UserNotFoundFault`; nil for a fault without detail.
    var name: String?
    /// `faultstring`, equal to the detail's `message`.
    var message: String
    /// Further detail fields; a field may repeat (`roles`).
    var fields: [(name: String, value: String)] = []

    static func == (lhs: Five9Fault, rhs: Five9Fault) -> Bool {
        lhs.code == rhs.code && lhs.name == rhs.name && lhs.message == rhs.message
            && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// The detail children in the order they are written: `message` and the fields, sorted by name.
    var detailChildren: [(name: String, value: String)] {
        ([("message", message)] + fields).enumerated().sorted {
            $0.element.name == $1.element.name ? $0.offset < $1.offset : $0.element.name < $1.element.name
        }.map(\.element)
    }

    private init(_ name: String, _ message: String, _ fields: [(name: String, value: String)] = []) {
        self.name = name
        self.message = message
        self.fields = fields
    }

    /// A fault of the SOAP layer (malformed envelope, unknown operation, unknown element).
    static func client(_ message: String) -> Five9Fault {
        var fault = Five9Fault("", message)
        fault.name = nil
        fault.code = .client
        return fault
    }

    static func userAlreadyExists(_ userName: String) -> Five9Fault {
        Five9Fault("UserAlreadyExistsFault", "User \"\(userName)\" already exists.", [("userName", userName)])
    }

    static func userNotFound(_ userName: String) -> Five9Fault {
        Five9Fault("UserNotFoundFault", "User \"\(userName)\" doesn't exist.", [("userName", userName)])
    }

    static func userCantBeDeleted(_ userName: String) -> Five9Fault {
        Five9Fault(
            "UserCantBeDeletedFault", "User \"\(userName)\" can't be deleted: it is used by other objects.",
            [("userName", userName)])
    }

    static func userAlreadyHasSkill(_ userName: String, _ skillName: String) -> Five9Fault {
        Five9Fault(
            "UserAlreadyHasSkillFault", "User \"\(userName)\" already has skill \"\(skillName)\".",
            [("skillName", skillName), ("userName", userName)])
    }

    static func userDoesntHaveSkill(_ userName: String, _ skillName: String) -> Five9Fault {
        Five9Fault(
            "UserDoesntHaveSkillFault", "User \"\(userName)\" doesn't have skill \"\(skillName)\".",
            [("skillName", skillName), ("userName", userName)])
    }

    static func userHasNoRequiredRole(_ userName: String) -> Five9Fault {
        Five9Fault(
            "UserHasNoRequiredRoleFault",
            "User \"\(userName)\" has no required role: an agent group member needs the Agent or Supervisor role.",
            [("roles", "Agent"), ("roles", "Supervisor"), ("userName", userName)])
    }

    static func skillNotFound(_ skillName: String) -> Five9Fault {
        Five9Fault("SkillNotFoundFault", "Skill \"\(skillName)\" doesn't exist.", [("skillName", skillName)])
    }

    static func skillAlreadyExists(_ skillName: String) -> Five9Fault {
        Five9Fault("SkillAlreadyExistsFault", "Skill \"\(skillName)\" already exists.", [("skillName", skillName)])
    }

    static func skillCantBeDeleted(_ skillName: String) -> Five9Fault {
        Five9Fault(
            "SkillCantBeDeletedFault", "Skill \"\(skillName)\" can't be deleted: it is used by other objects.",
            [("skillName", skillName)])
    }

    static func objectNotFound(_ type: String, _ name: String, id: Int64? = nil) -> Five9Fault {
        let label = type == "AgentGroup" ? "Agent group" : type
        let what = name.isEmpty ? "with id \(id ?? 0)" : "\"\(name)\""
        var fields: [(name: String, value: String)] = [("objectName", name), ("objectType", type)]
        if let id { fields.append(("id", String(id))) }
        return Five9Fault("ObjectNotFoundFault", "\(label) \(what) doesn't exist.", fields)
    }

    static func objectAlreadyExists(_ type: String, _ name: String, id: Int64) -> Five9Fault {
        let label = type == "AgentGroup" ? "Agent group" : type
        return Five9Fault(
            "ObjectAlreadyExistsFault", "\(label) \"\(name)\" already exists.",
            [("id", String(id)), ("objectName", name), ("objectType", type)])
    }

    static func extensionAlreadyInUse(_ ext: String, by userName: String) -> Five9Fault {
        Five9Fault(
            "ExtensionAlreadyInUseFault", "Extension \(ext) is already used by user \"\(userName)\".",
            [("ext", ext)])
    }

    static func operationsLimitExceeded(_ limit: Int, _ type: String, window: String) -> Five9Fault {
        Five9Fault(
            "OperationsLimitExceededFault",
            "Operations limit exceeded: at most \(limit) \(type) requests per \(window) are allowed.",
            [("limit", String(limit)), ("operationType", type)])
    }

    static func userAlreadyLoggedIn(_ admin: String) -> Five9Fault {
        Five9Fault(
            "UserAlreadyLoggedInFault",
            "User \"\(admin)\" is already logged in: another request with the same credentials is in progress.")
    }

    static func invalidRegexpPattern(_ pattern: String) -> Five9Fault {
        Five9Fault(
            "InvalidRegexpPatternFault", "Invalid regular expression \"\(pattern)\".", [("pattern", pattern)])
    }

    static func localeNotFound(_ locale: String) -> Five9Fault {
        Five9Fault("LocaleNotFoundFault", "Locale \"\(locale)\" is not found.", [("localeName", locale)])
    }

    static func missedArgument(_ what: String) -> Five9Fault {
        Five9Fault("MissedArgumentFault", "Missed argument: \(what) is required.")
    }

    static func incorrectArgument(_ message: String) -> Five9Fault {
        Five9Fault("IncorrectArgumentFault", message)
    }

    static func invalidUserData(_ message: String) -> Five9Fault {
        Five9Fault("InvalidUserDataFault", message)
    }

    static func invalidAccount(_ message: String) -> Five9Fault {
        Five9Fault("InvalidAccountFault", message)
    }

    static func executionRestriction(_ message: String) -> Five9Fault {
        Five9Fault("ExecutionRestrictionFault", message)
    }

    static func server(_ message: String) -> Five9Fault {
        Five9Fault("ServerFault", message)
    }

    static func serviceUnavailable(_ message: String) -> Five9Fault {
        Five9Fault("ServiceUnavailableFault", message)
    }
}
