import Foundation
import RosterTestSupport
import Testing

@Suite("Apply: crash-safe resume and the apply lock")
struct ApplyResumeTests {
    /// A 500-person org at 100 requests per second: a five-second apply, long enough to kill in the middle.
    private static let org = SyntheticOrg(
        count: 500, providerLines: [#"endpoint: "emulator:""#, "pace: {requestsPerSecond: 100, concurrency: 2}"])

    private static func appliedSteps(_ space: ApplyWorkspace) -> Int {
        space.journalLines().filter { $0.contains(#""event":"applied""#) }.count
    }

    @Test func sigkillMidwayResumesWithoutRepeatingStepsAndConverges() async throws {
        let space = try ApplyWorkspace()
        let manifest = try space.manifest("org", Self.org.manifest)
        let plan = space.path("plan.json")
        let planned = try await space.roster("plan", [manifest, "--out", plan])
        #expect(planned.status == 0, "\(planned)")

        let first = try space.start("apply", [plan, "--output", "json"])
        while first.isRunning && Self.appliedSteps(space) <= 100 { try await Task.sleep(for: .milliseconds(10)) }
        first.killHard()
        let killed = first.wait()
        #expect(killed.status == 128 + SIGKILL, "the first run was killed, not finished: \(killed.status)")
        let journaled = Self.appliedSteps(space)
        try #require(journaled > 100 && journaled < 500, "killed mid-way: \(journaled) steps journaled")
        #expect(FileManager.default.fileExists(atPath: space.path(".roster/apply.lock")), "the lock is left behind")

        let second = try await space.roster("apply", [plan, "--output", "json"])
        #expect(second.status == 0, "\(second)")
        let statuses = second.stdout.split(separator: "\n").filter { $0.contains(#""type":"step_finished""#) }
        let applied = statuses.filter { $0.contains(#""status":"applied""#) }.count
        let skipped = statuses.filter { $0.contains(#""status":"already-done""#) }.count
        #expect(applied + skipped == 500)
        #expect(skipped >= journaled, "every journaled step is skipped, not repeated")
        #expect(applied <= 500 - journaled)

        let names = try space.emulatorUserNames("corp")
        #expect(names.count == 500, "no duplicate creates")
        #expect(Set(names).count == 500)
        #expect(space.journalLines().isEmpty, "a converged apply discards its journal")
        let check = try await space.roster("plan", [manifest, "--detailed-exitcode"])
        #expect(check.status == 0, "converged: \(check)")
    }
}

@Suite("Apply: one apply at a time")
struct ApplyLockTests {
    private func workspace() throws -> (ApplyWorkspace, manifest: String) {
        let space = try ApplyWorkspace()
        let manifest = try space.manifest("org", SyntheticOrg(count: 3).manifest)
        try FileManager.default.createDirectory(atPath: space.stateDirectory, withIntermediateDirectories: true)
        return (space, manifest)
    }

    @Test func aSecondApplyIsRefusedWhileTheLockIsHeldByALiveProcess() async throws {
        let (space, manifest) = try workspace()
        let lock = try write("\(getpid())\n", to: "apply.lock", in: space.stateDirectory)
        let refused = try await space.roster("apply", [manifest])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("another roster apply (pid \(getpid())) is running"), "\(refused)")
        #expect(FileManager.default.fileExists(atPath: lock), "the live owner's lock is left alone")
        #expect(!FileManager.default.fileExists(atPath: space.path(".roster/emulators/corp/state.json")))
    }

    @Test func aStaleLockFromADeadProcessIsTakenOver() async throws {
        let (space, manifest) = try workspace()
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/sh")
        dead.arguments = ["-c", "exit 0"]
        try dead.run()
        dead.waitUntilExit()
        let lock = try write("\(dead.processIdentifier)\n", to: "apply.lock", in: space.stateDirectory)
        let applied = try await space.roster("apply", [manifest])
        #expect(applied.status == 0, "\(applied)")
        #expect(try space.emulatorUserNames("corp").count == 3)
        #expect(!FileManager.default.fileExists(atPath: lock), "released after the run")
    }
}
