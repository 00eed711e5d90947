/// One thing apply will do, with everything needed to explain it, order it, check it and execute it.
public struct PlanStep: Sendable, Hashable, Codable, Identifiable {
    /// Unique within a plan: `action:address`, for example `create:corp.user["ana@acme.example"]`.
    public var id: String
    /// What the step touches.
    public var address: ResourceAddress
    /// What it does.
    public var action: Action
    /// Attribute-level before/after, sorted by name.
    public var changes: [AttributeChange]
    /// How it will be done, for example `PATCH` or `GET+PUT`, with `methodReason` saying why.
    public var method: String?
    /// Why this method (for example, "8x8 PATCH can only change active; the full object is fetched and PUT back").
    public var methodReason: String?
    /// Why the step exists, for example "not in the manifests and owned by roster (prune: owned)".
    public var reason: String
    /// Ids of the steps that must succeed before this one runs.
    public var dependsOn: [String]
    /// The vendor id of the live object, when it exists.
    public var liveID: String?
    /// The live object's fingerprint when the plan was made; apply compares it before acting.
    public var fingerprint: String?
    /// The desired user for user steps (create, update, reactivate), so apply needs no manifest.
    public var user: User?
    /// The desired group for group creates and updates.
    public var group: Group?
    /// The skill level for skill assignments.
    public var level: Int?
    /// Estimated API calls this step costs.
    public var estimatedCalls: Int
    /// Where in the manifests the object is declared, for error messages.
    public var origin: SourceLocation?

    /// Creates a step; `id` is derived from action and address.
    public init(
        address: ResourceAddress, action: Action, changes: [AttributeChange] = [], method: String? = nil,
        methodReason: String? = nil, reason: String, dependsOn: [String] = [], liveID: String? = nil,
        fingerprint: String? = nil, user: User? = nil, group: Group? = nil, level: Int? = nil,
        estimatedCalls: Int = 1, origin: SourceLocation? = nil
    ) {
        self.id = "\(action.rawValue):\(address)"
        self.address = address
        self.action = action
        self.changes = changes.sorted { $0.name < $1.name }
        self.method = method
        self.methodReason = methodReason
        self.reason = reason
        self.dependsOn = dependsOn
        self.liveID = liveID
        self.fingerprint = fingerprint
        self.user = user
        self.group = group
        self.level = level
        self.estimatedCalls = estimatedCalls
        self.origin = origin
    }
}
