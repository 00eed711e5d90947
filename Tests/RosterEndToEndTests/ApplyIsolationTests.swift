import Foundation
import RosterEmulatorServer
import RosterEmulators
import RosterTestSupport
import Testing

@Suite("Apply: failure isolation and quarantine")
struct ApplyIsolationTests {
    /// 20 people on `corp` (embedded) and on `ext` (a loopback emulator whose token is revoked for writes).
    private func manifest(port: Int) -> String {
        let org = SyntheticOrg(count: 20)
        let providers = SyntheticOrg.providers([
            ("corp", [#"endpoint: "emulator:""#, "pace: {requestsPerSecond: 1000, concurrency: 2}"]),
            (
                "ext",
                [
                    "endpoint: http://127.0.0.1:\(port)/ext", "credentials: { token: { env: EXT_TOKEN } }",
                    "pace: {requestsPerSecond: 1000, concurrency: 2}",
                ]
            ),
        ])
        return "version: 1\n" + providers + org.peopleBlock(on: ["corp", "ext"])
    }

    private static func linesMentioning401(_ text: String) -> Int {
        text.split(separator: "\n").filter { $0.contains("401") }.count
    }

    @Test func aProviderWithARevokedTokenStopsEarlyWithOneMessageWhileTheOtherFinishes() async throws {
        var options = SCIMEmulatorOptions()
        options.token = "ext-token-for-tests"
        let ext = try SCIMEmulator(options: options, faults: FaultRule.revokedForWrites)
        try await withLoopbackEmulators(["ext": ext]) { port in
            let space = try ApplyWorkspace(environment: ["EXT_TOKEN": options.token])
            let path = try space.manifest("org", manifest(port: port))
            let result = try await space.roster("apply", [path])
            #expect(result.status == 3, "applied with failures: \(result)")
            // The report (stdout) and the progress lines (stderr) each say it once.
            let stops = [result.stdout, result.stderr].map {
                $0.components(separatedBy: "stopped after its first").count - 1
            }
            #expect(stops == [1, 1], "one message: \(result)")
            let errors = [result.stdout, result.stderr].map(Self.linesMentioning401)
            #expect(errors.allSatisfy { $0 <= 5 }, "a few failed calls are listed, not one per person: \(result)")
            #expect(result.stdout.contains("ext: stopped after its first"), "names the provider: \(result)")
            #expect(try space.emulatorUserNames("corp").count == 20, "the other provider finished")
            let stats = await ext.stats
            let writes = stats.totalRequests - stats.requestsByMethod["GET", default: 0]
            #expect(writes <= 5, "ext was stopped after a few calls, not 20: \(writes)")
            #expect(await ext.stats.writesApplied == 0)
        }
    }

    @Test func jsonEventsOfFailuresRetriesAndStopsValidate() async throws {
        var options = SCIMEmulatorOptions()
        options.token = "ext-token-for-tests"
        let ext = try SCIMEmulator(options: options, faults: [FaultRule.failingWrites(503, times: 1)])
        try await withLoopbackEmulators(["ext": ext]) { port in
            let space = try ApplyWorkspace(environment: ["EXT_TOKEN": options.token])
            let path = try space.manifest("org", manifest(port: port))
            let retried = try await space.roster("apply", [path, "--provider", "ext", "--output", "json"])
            #expect(retried.status == 0, "\(retried)")
            #expect(retried.stdout.contains(#""type":"step_retry""#), "\(retried)")
            for rule in FaultRule.revokedForWrites { await ext.inject(rule) }
            let more = try space.manifest("more", manifest(port: port).replacingOccurrences(of: "Test", with: "Other"))
            let stopped = try await space.roster("apply", [more, "--provider", "ext", "--output", "json"])
            #expect(stopped.status == 3, "\(stopped)")
            #expect(stopped.stdout.contains(#""type":"provider_stopped""#), "\(stopped)")
            // Each run prints its events, then the report as the last line.
            let events = [retried.stdout, stopped.stdout].flatMap {
                $0.split(separator: "\n").dropLast().map(String.init)
            }
            let report = try ApplyEventsSchema.validate(events)
            #expect(report == ["checked \(events.count)"], "schema errors: \(report)")
        }
    }
}
