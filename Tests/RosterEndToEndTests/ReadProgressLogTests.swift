import Roster
import RosterProviders
import Synchronization
import Testing

@Suite("Read progress on standard error")
struct ReadProgressLogTests {
    /// A log on a clock the test moves, with the lines it wrote.
    struct Harness {
        final class Recorder: Sendable {
            let clock = Mutex(ContinuousClock.now)
            let lines = Mutex<[String]>([])
        }

        let recorder = Recorder()
        let log: ReadProgressLog

        init() {
            let recorder = recorder
            log = ReadProgressLog(
                now: { recorder.clock.withLock { $0 } }, write: { line in recorder.lines.withLock { $0.append(line) } })
        }

        var lines: [String] { recorder.lines.withLock { $0 } }

        func advance(_ seconds: Int) { recorder.clock.withLock { $0 += .seconds(seconds) } }

        func report(_ provider: String, _ read: Int, of total: Int?, _ kind: String = "users") {
            log.observe(ReadProgress(provider: provider, kind: kind, read: read, total: total))
        }
    }

    @Test func aShortReadPrintsNothing() {
        let harness = Harness()
        harness.report("corp", 100, of: 250)
        harness.advance(1)
        harness.report("corp", 250, of: 250)
        #expect(harness.lines.isEmpty)
    }

    @Test func timesCountFromTheStartOfTheRead() {
        let harness = Harness()
        harness.advance(60)
        let began = harness.recorder.clock.withLock { $0 }
        let report = { (read: Int) in
            harness.log.observe(
                ReadProgress(provider: "corp", kind: "users", read: read, total: 20, readBegan: began))
        }
        report(10)
        harness.advance(1)
        report(20)
        #expect(harness.lines.isEmpty)
        harness.advance(3)
        report(20)
        #expect(harness.lines == ["corp: all 20 users read (4 s)"])
    }

    @Test func aLongReadPrintsEachListingAtMostEveryFiveSecondsAndWhenComplete() {
        let harness = Harness()
        harness.advance(3)
        harness.report("genesys", 12_500, of: 50_000)
        harness.report("five9", 46_000, of: 46_000)
        harness.advance(2)
        harness.report("genesys", 20_000, of: 50_000)
        harness.report("genesys", 100, of: 400, "groups")
        harness.advance(4)
        harness.report("genesys", 40_000, of: 50_000)
        harness.advance(1)
        harness.report("genesys", 50_000, of: 50_000)
        harness.report("webex", 700, of: nil)
        harness.report("genesys", 0, of: 0, "groups")
        #expect(
            harness.lines == [
                "genesys: 12,500 of 50,000 users read (3 s)",
                "five9: all 46,000 users read (3 s)",
                "genesys: 100 of 400 groups read (5 s)",
                "genesys: 40,000 of 50,000 users read (9 s)",
                "genesys: all 50,000 users read (10 s)",
                "webex: 700 users read (10 s)",
                "genesys: no groups (10 s)",
            ])
    }
}
