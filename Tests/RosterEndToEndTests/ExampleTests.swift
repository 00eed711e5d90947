import Foundation
import Roster
import RosterManifest
import RosterModel
import RosterRender
import RosterTestSupport
import Testing

/// Every example plans, applies and re-plans to empty against the embedded emulators; the minimal example's first
/// plan is pinned by golden files in all three formats.
@Suite("Examples", .serialized)
struct ExampleTests {
    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of an example in a temporary folder, so tests never touch the checkout's `.roster/`.
    static func copy(_ example: String) throws -> String {
        let target = try temporaryDirectory(example)
        let source = root.appendingPathComponent("examples/\(example)").path
        for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != ".roster" {
            try FileManager.default.copyItem(atPath: "\(source)/\(item)", toPath: "\(target)/\(item)")
        }
        return target
    }

    @Test func minimalConvergesAndItsFirstPlanMatchesTheGoldens() async throws {
        let path = try Self.copy("minimal")
        let workflow = Workflow(options: RosterOptions(manifestPath: path))
        let first = try await workflow.plan()
        let actions = Set(first.plan.steps.map(\.action))
        #expect(actions == [.create, .update, .reactivate, .deactivate, .add, .remove])
        let document = PlanDocument(
            plan: first.plan, metadata: PlanDocument.Metadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000)))
        func stable(_ text: String) -> String { text.replacingOccurrences(of: path, with: "examples/minimal") }
        try Golden.check(stable(HumanPlanRenderer(color: false).render(document)), "minimal-plan.txt")
        try Golden.check(stable(MarkdownPlanRenderer().render(document)), "minimal-plan.md")
        try Golden.check(stable(String(decoding: PlanDocument.encode(document), as: UTF8.self)), "minimal-plan.json")

        let report = try await workflow.apply(ApplyRequest())
        #expect(report.converged)
        #expect(try await workflow.plan().plan.isEmpty)
    }

    /// Five9 paces skill changes seconds apart as the vendor advises, so this takes about a minute.
    @Test func contactCenterValidatesAndAllSixProvidersConvergeAtOnce() async throws {
        let path = try Self.copy("contact-center")
        let workflow = Workflow(options: RosterOptions(manifestPath: path))
        #expect(workflow.validate().diagnostics.isEmpty)
        let first = try await workflow.plan().plan
        #expect(
            Set(first.steps.map(\.address.provider)) == ["five9", "genesys", "intranet", "talkdesk", "webex", "x8"])
        let report = try await workflow.apply(ApplyRequest())
        #expect(report.converged, "\(report.outcomes.filter { $0.status == .failed })")
        #expect(try await workflow.plan().plan.isEmpty)
    }

    @Test(arguments: ["five9", "genesys", "webex", "talkdesk", "8x8"])
    func vendorExampleValidatesAppliesAndConverges(_ example: String) async throws {
        let path = try Self.copy(example)
        let workflow = Workflow(options: RosterOptions(manifestPath: path))
        #expect(workflow.validate().diagnostics.isEmpty)
        let first = try await workflow.plan().plan
        #expect(!first.isEmpty)
        let report = try await workflow.apply(ApplyRequest())
        #expect(report.converged, "\(report.outcomes.filter { $0.status == .failed })")
        let second = try await workflow.plan().plan
        #expect(second.steps.filter { $0.action != .manual }.isEmpty, "\(second.steps.map(\.id))")
    }
}

/// Golden-file comparison; `ROSTER_RECORD=1` rewrites the files.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, _ name: String) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ROSTER_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(
            try? String(contentsOf: url, encoding: .utf8),
            "missing golden \(name); run with ROSTER_RECORD=1 to create it")
        #expect(
            text == expected, "\(name) differs from the golden file; run with ROSTER_RECORD=1 if the change is intended"
        )
    }
}
