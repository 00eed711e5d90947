/// How one step ended.
public struct StepOutcome: Sendable, Hashable, Codable {
    /// How a step ended.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Done by this run.
        case applied
        /// Already done: completed by an earlier, interrupted run (journal), or found done when verified.
        case alreadyDone = "already-done"
        /// Tried and failed; `error` says why.
        case failed
        /// Not tried because a step it waits for failed or its provider was stopped; `waitedOn` says which.
        case skipped
        /// A manual step: listed for an admin, nothing was sent.
        case manual
    }

    /// The step's id.
    public var stepID: String
    /// The step's address.
    public var address: ResourceAddress
    /// The step's action.
    public var action: Action
    /// How it ended.
    public var status: Status
    /// The vendor's error, with provider, object and manifest location, for failed steps.
    public var error: String?
    /// The failed step (or stopped provider) a skipped step waited on.
    public var waitedOn: String?
    /// Requests sent, including retries.
    public var attempts: Int
    /// Wall-clock seconds spent.
    public var seconds: Double

    /// Creates an outcome.
    public init(
        step: PlanStep, status: Status, error: String? = nil, waitedOn: String? = nil, attempts: Int = 0,
        seconds: Double = 0
    ) {
        self.stepID = step.id
        self.address = step.address
        self.action = step.action
        self.status = status
        self.error = error
        self.waitedOn = waitedOn
        self.attempts = attempts
        self.seconds = seconds
    }
}

/// What an apply did, step by step, and what a fresh plan still finds afterwards.
public struct ApplyReport: Sendable, Hashable, Codable {
    /// One outcome per plan step, in plan order.
    public var outcomes: [StepOutcome]
    /// Providers stopped early (bad credentials, outage), with the one message that says why.
    public var stoppedProviders: [String: String]
    /// The plan made after applying; empty when converged.
    ///
    /// `nil` when re-planning was not possible.
    public var residual: Plan?
    /// Seconds the whole apply took.
    public var seconds: Double

    /// Creates a report.
    public init(
        outcomes: [StepOutcome] = [], stoppedProviders: [String: String] = [:], residual: Plan? = nil,
        seconds: Double = 0
    ) {
        self.outcomes = outcomes
        self.stoppedProviders = stoppedProviders
        self.residual = residual
        self.seconds = seconds
    }

    /// Outcomes with the given status.
    public func outcomes(_ status: StepOutcome.Status) -> [StepOutcome] { outcomes.filter { $0.status == status } }

    /// Whether every step applied (or was already done) and the re-plan has nothing left that the API can do.
    ///
    /// Manual steps (changes only an admin can make) come back in every re-plan until someone does them; they do
    /// not count against convergence, and the report lists them as a to-do.
    public var converged: Bool {
        !outcomes.contains { $0.status == .failed || $0.status == .skipped }
            && (residual.map { $0.steps.allSatisfy { $0.action == .manual } && !$0.hasErrors } ?? false)
    }
}

/// Progress events, streamed while apply runs (rendered as a progress bar, lines, or JSON lines).
public enum ApplyEvent: Sendable, Hashable, Codable {
    /// A step started.
    case started(stepID: String, address: ResourceAddress, action: Action)
    /// A step will be retried after `delay` seconds.
    case retrying(stepID: String, attempt: Int, delaySeconds: Double, reason: String)
    /// A step ended.
    case finished(StepOutcome)
    /// A provider was stopped; its remaining steps are skipped.
    case providerStopped(provider: String, reason: String)
}
