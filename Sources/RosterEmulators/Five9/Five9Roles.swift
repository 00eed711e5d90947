/// One role of a user: its permissions and, for the agent role, the three voicemail/recording flags.
public struct Five9Role: Sendable, Hashable {
    /// The permissions, one value per type of the role.
    public internal(set) var permissions: Five9PermissionSet
    /// `agentRole.alwaysRecorded` (agent role only).
    public internal(set) var alwaysRecorded = false
    /// `agentRole.attachVmToEmail` (agent role only).
    public internal(set) var attachVmToEmail = false
    /// `agentRole.sendEmailOnVm` (agent role only).
    public internal(set) var sendEmailOnVm = false

    /// A role of `kind` with every permission false.
    init(kind: Five9RoleKind) {
        permissions = Five9PermissionSet(kind: kind)
    }

    /// The role's kind.
    public var kind: Five9RoleKind { permissions.kind }
}

/// The roles a user has (`userRoles`); absent roles are nil.
public struct Five9Roles: Sendable, Hashable {
    private var admin: Five9Role?
    private var agent: Five9Role?
    private var crmManager: Five9Role?
    private var reporting: Five9Role?
    private var supervisor: Five9Role?

    /// No roles.
    init() {}

    /// The role of `kind`, if the user has it.
    public subscript(kind: Five9RoleKind) -> Five9Role? {
        get {
            switch kind {
            case .admin: admin
            case .agent: agent
            case .crmManager: crmManager
            case .reporting: reporting
            case .supervisor: supervisor
            }
        }
        set {
            switch kind {
            case .admin: admin = newValue
            case .agent: agent = newValue
            case .crmManager: crmManager = newValue
            case .reporting: reporting = newValue
            case .supervisor: supervisor = newValue
            }
        }
    }

    /// The kinds the user has, in WSDL order.
    public var kinds: [Five9RoleKind] {
        Five9RoleKind.allCases.filter { self[$0] != nil }
    }

    /// Whether the user has no role at all.
    public var isEmpty: Bool { kinds.isEmpty }

    /// Whether the user may be an agent-group member: it has the agent or the supervisor role (five9.md §7.6).
    var qualifiesForAgentGroups: Bool { agent != nil || supervisor != nil }
}

/// A change to one role from `createUser.userInfo.roles` or `modifyUser.rolesToSet`.
///
/// Permissions not named keep their value (false for a new role); absent agent flags keep theirs.
struct Five9RoleUpdate: Sendable, Equatable {
    /// The role changed.
    var kind: Five9RoleKind
    /// Permission index and value, in request order.
    var values: [Value] = []
    /// `alwaysRecorded`, if sent.
    var alwaysRecorded: Bool?
    /// `attachVmToEmail`, if sent.
    var attachVmToEmail: Bool?
    /// `sendEmailOnVm`, if sent.
    var sendEmailOnVm: Bool?

    /// One `permissions` element.
    struct Value: Sendable, Equatable {
        var index: Int
        var granted: Bool
    }

    /// The role after this change, starting from `role` (nil: a new role with every permission false).
    func applied(to role: Five9Role?) -> Five9Role {
        var result = role ?? Five9Role(kind: kind)
        for value in values { result.permissions.set(value.index, to: value.granted) }
        if let alwaysRecorded { result.alwaysRecorded = alwaysRecorded }
        if let attachVmToEmail { result.attachVmToEmail = attachVmToEmail }
        if let sendEmailOnVm { result.sendEmailOnVm = sendEmailOnVm }
        return result
    }
}
