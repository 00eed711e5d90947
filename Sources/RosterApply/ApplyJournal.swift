public import RosterModel

/// Records each step's start and outcome durably, so an interrupted apply resumes without repeating work.
public protocol ApplyJournal: Sendable {
    /// Steps a previous run finished (applied or already done).
    func completed() async -> Set<String>
    /// Steps a previous run started but did not finish: their effect is unknown until verified.
    func inFlight() async -> Set<String>
    /// Records that a step is starting (durably, before any request is sent).
    func started(_ stepID: String) async throws
    /// Records how a step ended.
    func finished(_ outcome: StepOutcome) async throws
}
