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

    /// Fresh fingerprints of the objects at `addresses` (nil for an object that no longer exists), to tell which
    /// objects moved since a saved plan was made.
    func fingerprints(of addresses: [ResourceAddress]) async throws -> [ResourceAddress: String?]
}
