public import RosterModel

/// One configured platform: fetches live state and executes plan steps.
///
/// Providers never plan.
public protocol Provider: Sendable {
    /// The manifest name.
    var name: String { get }
    /// What it can do, for the planner.
    var capabilities: ProviderCapabilities { get }

    /// Reads everything roster manages on the platform (users including inactive ones, groups, skills, catalog).
    func fetch() async throws -> LiveResources

    /// Reads what `fetch()` reads for a plan that this provider will not apply: the same live state, without
    /// recording what only writes use (the vendor objects a PATCH merges into, read-modify-write bodies). At 50,000
    /// users that is a few hundred MB a plan never needs.
    func fetchForPlanning() async throws -> LiveResources

    /// Executes one step.
    ///
    /// The provider resolves natural keys to vendor ids itself (from its last fetch and its own creates), and handles
    /// a lost create response by looking the object up before trying again.
    func apply(_ step: PlanStep) async throws

    /// Whether the step's effect is already in place, read fresh from the vendor.
    ///
    /// Used to resume an interrupted apply: a step journaled as started but not finished is verified before it is
    /// retried.
    func isApplied(_ step: PlanStep) async throws -> Bool

    /// Reads only the live objects at `addresses`, fresh, and records them for later steps exactly as `fetch()` does.
    ///
    /// A saved plan's apply calls this instead of `fetch()`, so a plan touching three people costs a few requests,
    /// not a read of the whole platform. A membership address stands for its group and its user, a skill
    /// assignment for its user and its skill. An object that does not exist is absent from the result. When
    /// reading the objects one by one would cost more than reading everything, the provider reads everything
    /// and returns the requested objects from it.
    func fetch(only addresses: Set<ResourceAddress>) async throws -> LiveResources
}

extension Provider {
    /// `fetch()`, for a provider whose records cost nothing worth saving.
    public func fetchForPlanning() async throws -> LiveResources {
        try await fetch()
    }
}
