/// The planner's output: ordered steps per provider, what stays untouched, estimates and safety verdicts.
public struct Plan: Sendable, Hashable, Codable {
    /// Steps in execution order (dependencies first, then deterministic by provider, kind, key).
    public var steps: [PlanStep]
    /// One summary per provider, sorted by name, including providers with nothing to do.
    public var providers: [ProviderSummary]
    /// Problems found while planning (for example, a Genesys group that does not exist); errors block apply.
    public var diagnostics: [Diagnostic]
    /// Limits the plan exceeds; apply refuses unless each is allowed by name.
    public var violations: [SafetyViolation]

    /// Creates a plan.
    public init(
        steps: [PlanStep] = [], providers: [ProviderSummary] = [], diagnostics: [Diagnostic] = [],
        violations: [SafetyViolation] = []
    ) {
        self.steps = steps
        self.providers = providers
        self.diagnostics = diagnostics
        self.violations = violations
    }

    /// Whether apply has nothing to do (manual steps count as something to do).
    public var isEmpty: Bool { steps.isEmpty }

    /// Whether planning found errors that make the plan unusable.
    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

/// Counts and estimates for one provider.
public struct ProviderSummary: Sendable, Hashable, Codable {
    /// Provider name.
    public var name: String
    /// Provider type.
    public var type: ProviderType
    /// Number of steps per action.
    public var counts: [Action: Int]
    /// Live users roster does not manage and leaves alone.
    public var unmanagedUsers: Int
    /// Live groups roster does not manage and leaves alone.
    public var unmanagedGroups: Int
    /// Live users in total.
    public var liveUsers: Int
    /// Estimated API calls for the whole provider.
    public var estimatedCalls: Int
    /// Estimated seconds at the provider's pace.
    public var estimatedSeconds: Double
    /// The pace the estimate assumes.
    public var pace: Pace

    /// Creates a summary.
    public init(
        name: String, type: ProviderType, counts: [Action: Int] = [:], unmanagedUsers: Int = 0,
        unmanagedGroups: Int = 0, liveUsers: Int = 0, estimatedCalls: Int = 0, estimatedSeconds: Double = 0,
        pace: Pace
    ) {
        self.name = name
        self.type = type
        self.counts = counts
        self.unmanagedUsers = unmanagedUsers
        self.unmanagedGroups = unmanagedGroups
        self.liveUsers = liveUsers
        self.estimatedCalls = estimatedCalls
        self.estimatedSeconds = estimatedSeconds
        self.pace = pace
    }
}

extension Action: CodingKeyRepresentable {}

/// A blast-radius limit the plan exceeds, scoped to one provider and one kind of change.
public struct SafetyViolation: Sendable, Hashable, Codable {
    /// The kinds of change a limit is about; `--allow PROVIDER:KIND` names one.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Users deactivated or deleted, as a share of the provider's users.
        case deprovision
        /// Role or skill assignments removed, as a share of all assignments.
        case assignmentRemoval = "assignment-removal"
        /// Hard deletes, as a count.
        case delete
        /// A protected identity or the last admin would lose access; never allowed.
        case lockout
    }

    /// The provider.
    public var provider: String
    /// The kind of change.
    public var kind: Kind
    /// What was counted, for example 40.
    public var count: Int
    /// Out of how many, for example 100.
    public var population: Int
    /// The limit, as a share (0...1) or a count.
    public var limit: Double
    /// A sentence for humans, for example "would deprovision 40 of 100 users (40%), over the 10% limit".
    public var message: String

    /// Creates a violation.
    public init(provider: String, kind: Kind, count: Int, population: Int, limit: Double, message: String) {
        self.provider = provider
        self.kind = kind
        self.count = count
        self.population = population
        self.limit = limit
        self.message = message
    }

    /// The allowance that unlocks it: `provider:kind`.
    public var allowance: String { "\(provider):\(kind.rawValue)" }
}
