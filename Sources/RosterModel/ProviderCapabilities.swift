/// What a provider can do, declared as data so the planner never asks which vendor it is (octoDNS's SUPPORTS).
public struct ProviderCapabilities: Sendable, Hashable, Codable {
    /// Kinds that exist on the platform.
    ///
    /// Talkdesk: users only.
    public var kinds: Set<ResourceKind>
    /// Kinds roster may create and delete (Genesys groups exist but cannot be created through SCIM).
    public var creatableKinds: Set<ResourceKind>
    /// Why a kind outside `creatableKinds` cannot be created, and what to do, for the plan error (Five9 SCIM before
    /// SAML SSO is configured).
    public var notCreatableReasons: [ResourceKind: String] = [:]
    /// Canonical attributes the platform holds; others are neither sent nor diffed.
    public var attributes: Set<String>
    /// Attributes that cannot change after create; a change becomes a `manual` step (8x8 userName, site).
    public var writeOnceAttributes: Set<String>
    /// Attributes an in-place PATCH can change; `nil` means all.
    ///
    /// Changes outside it use a fetch-merge-PUT.
    public var patchableAttributes: Set<String>?
    /// Whether an attribute change can be sent at all (`false` for providers that only PUT).
    public var supportsPatch: Bool
    /// Deprovision modes the platform supports (8x8: DELETE only deactivates, so only `deactivate`).
    public var deprovisionModes: Set<DeprovisionMode>
    /// Whether skill assignments are steps of their own (Five9) rather than a user attribute (Genesys).
    public var userSkillsAreSteps: Bool
    /// Whether userName must be an email address (Talkdesk).
    public var userNameIsEmail: Bool
    /// Catalog kinds whose names must already exist, mapped to the attribute that references them.
    ///
    /// For example `["roles": "roles", "divisions": "division"]`.
    public var catalogReferences: [String: String]
    /// Rules between steps that share an object.
    public var ordering: [OrderingRule]
    /// The vendor's default pace.
    public var pace: Pace
    /// Largest batch for bulk writes (Webex `/Bulk`: 100); `nil` when there is no bulk endpoint.
    public var bulkMaxOperations: Int?
    /// API calls per action beyond the default of one, for example `update: 2` for fetch-merge-PUT.
    public var callCosts: [Action: Int]
    /// Follow-ups an admin must do by hand after an action, for example 8x8 licence assignment after `create`.
    public var manualFollowUps: [Action: String]
    /// Roles that make a user an administrator, for the last-admin guard.
    public var adminRoles: Set<String>

    /// Creates capabilities; the defaults describe RFC 7644 SCIM.
    public init(
        kinds: Set<ResourceKind> = [.user, .group, .membership],
        creatableKinds: Set<ResourceKind> = [.user, .group],
        attributes: Set<String> = [],
        writeOnceAttributes: Set<String> = [],
        patchableAttributes: Set<String>? = nil,
        supportsPatch: Bool = true,
        deprovisionModes: Set<DeprovisionMode> = [.deactivate, .delete],
        userSkillsAreSteps: Bool = false,
        userNameIsEmail: Bool = false,
        catalogReferences: [String: String] = [:],
        ordering: [OrderingRule] = OrderingRule.standard,
        pace: Pace = Pace(requestsPerSecond: 10, concurrency: 4),
        bulkMaxOperations: Int? = nil,
        callCosts: [Action: Int] = [:],
        manualFollowUps: [Action: String] = [:],
        adminRoles: Set<String> = []
    ) {
        self.kinds = kinds
        self.creatableKinds = creatableKinds
        self.attributes = attributes
        self.writeOnceAttributes = writeOnceAttributes
        self.patchableAttributes = patchableAttributes
        self.supportsPatch = supportsPatch
        self.deprovisionModes = deprovisionModes
        self.userSkillsAreSteps = userSkillsAreSteps
        self.userNameIsEmail = userNameIsEmail
        self.catalogReferences = catalogReferences
        self.ordering = ordering
        self.pace = pace
        self.bulkMaxOperations = bulkMaxOperations
        self.callCosts = callCosts
        self.manualFollowUps = manualFollowUps
        self.adminRoles = adminRoles
    }
}

/// Steps matching `first` run before steps matching `then` when both touch the same user, group or skill.
public struct OrderingRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which steps a rule side matches.
    public struct Selector: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The kind of object.
        public var kind: ResourceKind
        /// The actions; any of them matches.
        public var actions: Set<Action>

        /// Creates a selector.
        public init(_ kind: ResourceKind, _ actions: Set<Action>) {
            self.kind = kind
            self.actions = actions
        }

        /// `create|reactivate user`.
        public var description: String {
            actions.map(\.rawValue).sorted().joined(separator: "|") + " " + kind.rawValue
        }
    }

    /// What runs first.
    public var first: Selector
    /// What waits for it.
    public var then: Selector

    /// Creates a rule.
    public init(first: Selector, then: Selector) {
        self.first = first
        self.then = then
    }

    /// `create user before add membership`.
    public var description: String { "\(first) before \(then)" }

    /// The rules every provider with users, groups and skills needs (DESIGN §5).
    public static let standard: [OrderingRule] = [
        OrderingRule(first: .init(.user, [.create, .reactivate]), then: .init(.membership, [.add])),
        OrderingRule(first: .init(.group, [.create]), then: .init(.membership, [.add])),
        OrderingRule(first: .init(.membership, [.remove]), then: .init(.user, [.deactivate, .delete])),
        OrderingRule(first: .init(.membership, [.remove]), then: .init(.group, [.delete])),
        OrderingRule(first: .init(.user, [.create, .reactivate]), then: .init(.userSkill, [.add, .modify])),
        OrderingRule(first: .init(.skill, [.create]), then: .init(.userSkill, [.add])),
        OrderingRule(first: .init(.userSkill, [.remove]), then: .init(.user, [.deactivate, .delete])),
        OrderingRule(first: .init(.userSkill, [.remove]), then: .init(.skill, [.delete])),
    ]
}
