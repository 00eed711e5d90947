import Foundation
import HTTPTypes
import Roster
import RosterEmulators
import RosterModel
import RosterTestSupport
import Testing

/// Apply converges through 429 storms, 5xx answers and responses lost after commit, without duplicates.
@Suite("Fault injection")
struct FaultInjectionTests {
    @Test func applyConvergesThrough429s5xxAndLostResponsesWithoutDuplicates() async throws {
        let directory = try temporaryDirectory()
        // One request at a time, so the fault schedule is the same on every run: the faults below count every
        // request, and with several in flight one step's retries could all land on fault slots (six in a row fail
        // the step), which made this test fail now and then on a busy machine. In sequence no step meets more than
        // two faults in a row: no two multiples of 5, nor of 7, are adjacent.
        let manifest = orgManifest(
            count: 30, endpoint: "emulator:", pace: "{requestsPerSecond: 1000, concurrency: 1}")
        let path = try write(manifest, to: "roster.yaml", in: directory)
        var options = RosterOptions(manifestPath: path)
        options.emulatorFaults = [
            "corp": [
                FaultRule(.status(429, retryAfter: 0), trigger: .everyNth(5)),
                FaultRule(.status(503, retryAfter: nil), trigger: .everyNth(7)),
                FaultRule(.dropResponseAfterCommit, trigger: .next(3), method: .post),
                FaultRule(.dropResponseAfterCommit, trigger: .next(2), method: .patch),
            ]
        ]
        let workflow = Workflow(options: options)
        let report = try await workflow.apply(ApplyRequest())
        #expect(report.outcomes.allSatisfy { $0.status == .applied })
        #expect(report.outcomes.contains { $0.attempts > 1 })
        #expect(report.converged)
        let again = try await Workflow(options: RosterOptions(manifestPath: path)).plan()
        #expect(again.plan.isEmpty)
        #expect(again.plan.diagnostics.isEmpty)  // a duplicate user would show as a live-duplicate error
        #expect(again.live.providers["corp"]?.users.count == 30)
    }

    @Test func a409ForAUserRosterDidNotCreateIsAClearFailure() async throws {
        let directory = try temporaryDirectory()
        let path = try write(orgManifest(count: 2, endpoint: "emulator:"), to: "roster.yaml", in: directory)
        let workflow = Workflow(options: RosterOptions(manifestPath: path))
        let plan = try await workflow.plan().plan
        // Someone creates person0 by hand between plan and apply: the create meets a 409.
        var options = RosterOptions(manifestPath: path)
        options.emulatorFaults = [
            "corp": [FaultRule(.status(409, retryAfter: nil), trigger: .next(1), method: .post, pathPrefix: "/Users")]
        ]
        let report = try await Workflow(options: options).apply(ApplyRequest())
        #expect(plan.steps.count == 5)
        let failed = try #require(report.outcomes.first { $0.status == .failed })
        #expect(failed.error?.contains("corp: POST /Users answered 409") == true)
        #expect(report.outcomes.contains { $0.status == .skipped && $0.waitedOn == failed.stepID })
        #expect(!report.converged)
    }
}

@Suite("Stale versions")
struct StaleVersionTests {
    @Test func a412OnAStaleVersionNamesProviderObjectAndManifestLocation() async throws {
        let directory = try temporaryDirectory()
        let path = try write(orgManifest(count: 2, endpoint: "emulator:"), to: "roster.yaml", in: directory)
        #expect(try await Workflow(options: RosterOptions(manifestPath: path)).apply(ApplyRequest()).converged)
        try write(
            orgManifest(count: 2, endpoint: "emulator:").replacingOccurrences(of: "title: Agent", with: "title: Lead"),
            to: "roster.yaml", in: directory)
        var options = RosterOptions(manifestPath: path)
        options.emulatorFaults = [
            "corp": [FaultRule(.status(412, retryAfter: nil), trigger: .next(1), method: .patch, pathPrefix: "/Users")]
        ]
        let report = try await Workflow(options: options).apply(ApplyRequest())
        let failed = try #require(report.outcomes.first { $0.status == .failed })
        #expect(failed.error?.contains("corp: PATCH /Users/") == true)
        #expect(failed.error?.contains("answered 412") == true)
        #expect(failed.error?.contains("corp.user[\"person") == true)
        #expect(failed.error?.contains("roster.yaml:") == true)
        #expect(report.outcomes.filter { $0.status == .applied }.count == 1)
    }
}
