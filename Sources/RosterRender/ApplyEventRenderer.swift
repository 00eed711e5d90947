public import Foundation
public import RosterModel

/// Renders apply progress events: one readable line per finished step, retry and stopped provider (for logs and
/// non-terminals), or one JSON object per event (`--output json`, `schemas/apply-events.v1.schema.json`).
public struct ApplyEventRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The line for an event, or `nil` for events not worth a line of their own (a step starting).
    ///
    /// For example: `corp: + user "ana@acme.example" applied (2 attempts, 0.4s)`.
    public func line(_ event: ApplyEvent) -> String? {
        switch event {
        case .started:
            return nil
        case .retrying(let stepID, let attempt, let delaySeconds, let reason):
            let prefix = Self.provider(ofStepID: stepID).map { "\($0): " } ?? ""
            return prefix + "retrying \(stepID) (attempt \(attempt)) in \(PlanFormat.elapsed(delaySeconds)): \(reason)"
        case .finished(let outcome):
            return Self.line(for: outcome)
        case .providerStopped(let provider, let reason):
            return "\(provider): stopped: \(reason); its remaining steps are skipped"
        }
    }

    /// The event as one line of JSON with sorted keys: `{"at":"…","step_id":"…","type":"step_finished",…}`.
    public func jsonLine(_ event: ApplyEvent, at date: Date) -> String {
        let record = ApplyEventRecord(event, at: PlanFormat.preciseTimestamp(date))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else {
            preconditionFailure("an apply event could not be encoded")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `corp: + user "ana" applied (2 attempts, 0.4s)`, `… failed after 3 attempts (1.2s): <vendor error>`,
    /// `… skipped: waited on <step>`.
    static func line(for outcome: StepOutcome) -> String {
        let head = "\(outcome.address.provider): " + subject(outcome.address, outcome.action)
        let effort = "\(PlanFormat.count(outcome.attempts, "attempt")), \(PlanFormat.elapsed(outcome.seconds))"
        switch outcome.status {
        case .applied:
            return head + " applied (\(effort))"
        case .alreadyDone:
            return head + " already done"
        case .failed:
            return head + " failed (\(effort)): " + (outcome.error ?? "no error message")
        case .skipped:
            return head + " skipped" + (outcome.waitedOn.map { ": waited on \($0)" } ?? "")
        case .manual:
            return head + " left for an admin (manual step)"
        }
    }

    /// `+ user "ana"`, `- user "old" (deactivate)`: the marker, the object, and the action when the marker alone
    /// does not say it.
    static func subject(_ address: ResourceAddress, _ action: Action) -> String {
        let text = PlanActionKind(action).marker + " " + StepLayout.subject(PlanDocument.AddressEntry(address))
        switch action {
        case .deactivate, .delete, .reactivate: return text + " (\(action.rawValue))"
        case .create, .update, .add, .modify, .remove, .manual: return text
        }
    }

    /// `corp` from `create:corp.user["ana"]` (step ids are `action:address`), or `nil` for another shape.
    static func provider(ofStepID stepID: String) -> String? {
        guard let colon = stepID.firstIndex(of: ":") else { return nil }
        let rest = stepID[stepID.index(after: colon)...]
        guard let dot = rest.firstIndex(of: "."), dot > rest.startIndex else { return nil }
        return String(rest[..<dot])
    }
}
