import Foundation
import RosterModel

/// Apply events and reports built from the every-action plan.
enum ApplyFixtures {
    static var steps: [String: PlanStep] {
        Dictionary(uniqueKeysWithValues: PlanFixtures.everyAction.steps.map { ($0.id, $0) })
    }

    static func step(_ id: String) -> PlanStep { steps[id]! }

    static let createAna = #"create:corp.user["ana@acme.example"]"#
    static let addAna = #"add:corp.membership["Sales Team","ana@acme.example"]"#
    static let deactivateOld = #"deactivate:corp.user["old@acme.example"]"#
    static let manualJdoe = #"manual:x8.user["jdoe"]"#
    static let updateDave = #"update:x8.user["dave@acme.example"]"#
    static let addBilling = #"add:five9.user_skill["ana@acme.example","Billing"]"#

    /// One event of every type and every outcome status.
    static var events: [ApplyEvent] {
        [
            .started(stepID: createAna, address: step(createAna).address, action: .create),
            .retrying(stepID: createAna, attempt: 2, delaySeconds: 1.5, reason: "429 Too Many Requests"),
            .finished(StepOutcome(step: step(createAna), status: .applied, attempts: 2, seconds: 0.42)),
            .finished(StepOutcome(step: step(deactivateOld), status: .alreadyDone, attempts: 0, seconds: 0)),
            .finished(
                StepOutcome(
                    step: step(updateDave), status: .failed,
                    error: "x8: 409 uniqueness on email 'dave@acme.example' (people.yaml:30:5)", attempts: 1,
                    seconds: 0.3)),
            .finished(StepOutcome(step: step(addAna), status: .skipped, waitedOn: createAna)),
            .finished(StepOutcome(step: step(manualJdoe), status: .manual)),
            .providerStopped(provider: "five9", reason: "401 Unauthorized: check FIVE9_ADMIN_USER and its password"),
            .finished(StepOutcome(step: step(addBilling), status: .skipped, waitedOn: "provider five9 stopped")),
        ]
    }

    /// A report with every status, a stopped provider and a residual plan.
    static var report: ApplyReport {
        let outcomes = events.compactMap { event -> StepOutcome? in
            if case .finished(let outcome) = event { return outcome }
            return nil
        }
        let residual = Plan(
            steps: [step(updateDave), step(addAna), step(manualJdoe)],
            providers: [PlanFixtures.corpSummary, PlanFixtures.x8Summary])
        return ApplyReport(
            outcomes: outcomes,
            stoppedProviders: ["five9": "401 Unauthorized: check FIVE9_ADMIN_USER and its password"],
            residual: residual, seconds: 34.2)
    }

    static let at = Date(timeIntervalSince1970: 1_767_225_600.25)
}
