import Foundation
import Roster
import RosterModel
import Testing

@Suite("Apply: journal clean-up")
struct ApplyJournalCleanupTests {
    @Test func aConvergedApplyRemovesJournalsOfCrashedFreshApplies() async throws {
        let path = try ExampleTests.copy("minimal")
        let options = RosterOptions(manifestPath: path)
        let folder = (options.resolvedStateDirectory as NSString).appendingPathComponent("journal")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let orphan = (folder as NSString).appendingPathComponent("0123abcd.jsonl")
        try Data(#"{"event":"started","step":"create:corp.user[\"x\"]"}"#.utf8).write(to: URL(fileURLWithPath: orphan))
        #expect(try await Workflow(options: options).apply(ApplyRequest()).converged)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
