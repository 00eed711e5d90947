import Foundation
import RosterModel

/// An apply report on the wire, for `ApplyReportRenderer.json(_:)`.
struct ApplyReportRecord: Encodable {
    /// Outcomes counted by status.
    struct Counts: Encodable {
        var applied: Int
        var alreadyDone: Int
        var failed: Int
        var skipped: Int
        var manual: Int

        enum CodingKeys: String, CodingKey {
            case applied, failed, skipped, manual
            case alreadyDone = "already_done"
        }
    }

    /// One step's outcome.
    struct Outcome: Encodable {
        var stepID: String
        var address: PlanDocument.AddressEntry
        var action: Action
        var status: StepOutcome.Status
        var error: String?
        var waitedOn: String?
        var attempts: Int
        var seconds: Double

        enum CodingKeys: String, CodingKey {
            case address, action, status, error, attempts, seconds
            case stepID = "step_id"
            case waitedOn = "waited_on"
        }
    }

    /// The plan made after applying, without the metadata of a plan file.
    struct Residual: Encodable {
        var summary: PlanDocument.Summary
        var providers: [PlanDocument.ProviderEntry]
        var steps: [PlanDocument.StepEntry]
        var diagnostics: [PlanDocument.DiagnosticEntry]
        var violations: [PlanDocument.ViolationEntry]
    }

    /// Tells the report from the events it follows in `--output json`.
    var type = "apply_report"
    var formatVersion = 1
    var seconds: Double
    var converged: Bool
    var convergenceChecked: Bool
    var counts: Counts
    var outcomes: [Outcome]
    var stoppedProviders: [String: String]
    var residual: Residual?

    enum CodingKeys: String, CodingKey {
        case type, seconds, converged, counts, outcomes, residual
        case formatVersion = "format_version"
        case convergenceChecked = "convergence_checked"
        case stoppedProviders = "stopped_providers"
    }

    init(_ report: ApplyReport) {
        seconds = report.seconds
        converged = report.converged
        convergenceChecked = report.residual != nil
        counts = Counts(
            applied: report.outcomes(.applied).count, alreadyDone: report.outcomes(.alreadyDone).count,
            failed: report.outcomes(.failed).count, skipped: report.outcomes(.skipped).count,
            manual: report.outcomes(.manual).count)
        outcomes = report.outcomes.map {
            Outcome(
                stepID: $0.stepID, address: PlanDocument.AddressEntry($0.address), action: $0.action,
                status: $0.status, error: $0.error, waitedOn: $0.waitedOn, attempts: $0.attempts, seconds: $0.seconds)
        }
        stoppedProviders = report.stoppedProviders
        residual = report.residual.map { plan in
            let document = PlanDocument(plan: plan, metadata: .init(createdAt: Date(timeIntervalSince1970: 0)))
            return Residual(
                summary: document.summary, providers: document.providers, steps: document.steps,
                diagnostics: document.diagnostics, violations: document.violations)
        }
    }
}
