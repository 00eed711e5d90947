import Foundation
import RosterTestSupport
import Testing

@Suite("Apply: tampered and foreign plan files are refused")
struct ApplyPlanFileTests {
    /// A workspace with a saved plan that creates five users, plus a second, different manifest.
    private func savedPlan() async throws -> (ApplyWorkspace, plan: String, other: String) {
        let space = try ApplyWorkspace()
        let manifest = try space.manifest("org", SyntheticOrg(count: 5).manifest)
        let other = try space.manifest("other", SyntheticOrg(count: 6).manifest)
        let plan = space.path("plan.json")
        let planned = try await space.roster("plan", [manifest, "--out", plan])
        #expect(planned.status == 0, "\(planned)")
        return (space, plan, other)
    }

    private func edit(_ path: String, _ from: String, _ to: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: from))
        try text.replacingCharacters(in: range, with: to).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func anEditedStepIsRefused() async throws {
        let (space, plan, _) = try await savedPlan()
        try edit(plan, #""after" : "Test""#, #""after" : "Mallory""#)
        let refused = try await space.roster("apply", [plan])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("was modified after it was written"), "\(refused)")
        #expect(try space.emulatorUserNames("corp").isEmpty, "nothing was applied")
    }

    @Test func aPlanFromOtherManifestsIsRefused() async throws {
        let (space, plan, other) = try await savedPlan()
        let refused = try await space.roster("apply", [plan, "--manifests", other])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("was made from different manifests"), "\(refused)")
    }

    @Test func anotherFormatVersionIsRefused() async throws {
        let (space, plan, _) = try await savedPlan()
        try edit(plan, #""format_version" : 1"#, #""format_version" : 2"#)
        let refused = try await space.roster("apply", [plan])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("plan file format 2 is newer than this roster"), "says why: \(refused)")
    }
}
