import Foundation
import Roster
import RosterEmulatorServer
import RosterEmulators
import RosterManifest
import RosterModel
import RosterProviders

/// Apply throughput of one vendor: `changes` user creates applied by roster over loopback HTTP to the vendor's
/// emulator with the vendor's documented limit in force, timed from the moment the plan is handed to the executor
/// to the last write the emulator received.
struct ApplyMeasurement: Codable {
    var provider: String
    var changes: Int
    var applied: Int
    var failed: Int
    /// Requests the emulator received in the apply window (every request, reads included).
    var requests: Int
    var seconds: Double
    /// The pace roster is configured with for this vendor (requests per second).
    var configuredRate: Double
    /// What the emulator enforces.
    var enforcedLimit: String
    var achievedRate: Double
    /// 429 answers the emulator sent in the whole run.
    var tooManyRequests: Int
    /// Five9 `OperationsLimitExceededFault`s the emulator sent in the whole run.
    var limitFaults: Int

    var share: Double { configuredRate > 0 ? achievedRate / configuredRate : 0 }
    /// Seconds the same apply would take for 2,000 changes at the achieved rate.
    var secondsFor2000: Double {
        achievedRate > 0 ? Double(requests) / Double(max(changes, 1)) * 2_000 / achievedRate : 0
    }

    static let vendors = ["five9", "genesys", "webex", "talkdesk", "x8"]

    static func run(vendor: String, changes: Int) async throws -> ApplyMeasurement {
        let setup = try VendorSetup(vendor: vendor)
        let recorder = RecordingHandler(setup.api)
        var handlers: [String: any EmulatorHandler] = [vendor: recorder]
        if let login = setup.login { handlers["\(vendor)-login"] = login }
        let server = try EmulatorServer(host: "127.0.0.1", port: 0, handlers: handlers)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let serving = Task { try await server.run(handlingSignals: false) { continuation.yield($0) } }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw BenchError("the loopback server did not start") }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roster-bench-apply-\(vendor)-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = setup.manifest(root: "http://127.0.0.1:\(port)", people: changes)
        let path = directory.appendingPathComponent("roster.yaml")
        try manifest.write(to: path, atomically: true, encoding: .utf8)
        let workflow = Workflow(options: RosterOptions(manifestPath: path.path, environment: setup.environment))
        let problems = workflow.validate().diagnostics.filter { $0.severity == .error }
        guard problems.isEmpty else {
            throw BenchError("\(vendor): the generated manifest has errors: \(problems.map(\.message))")
        }
        let started = StartMark()
        let report = try await workflow.apply(ApplyRequest(onPlan: { _ in started.mark() }))
        await server.stop()

        let entries = recorder.recorded
        let start = started.instant ?? ContinuousClock.now
        let lastWrite = entries.last { $0.method != "GET" }?.at ?? start
        let window = entries.filter { $0.at >= start && $0.at <= lastWrite }
        let seconds = (lastWrite - start).benchSeconds
        return ApplyMeasurement(
            provider: vendor, changes: changes, applied: report.outcomes(.applied).count,
            failed: report.outcomes(.failed).count, requests: window.count, seconds: seconds,
            configuredRate: setup.pace, enforcedLimit: setup.limit,
            achievedRate: seconds > 0 ? Double(window.count) / seconds : 0,
            tooManyRequests: entries.filter { $0.status == 429 }.count,
            limitFaults: entries.filter(\.limitFault).count)
    }
}

/// The instant the executor got the plan.
final class StartMark: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ContinuousClock.Instant?

    func mark() { lock.withLock { value = ContinuousClock.now } }
    var instant: ContinuousClock.Instant? { lock.withLock { value } }
}
