import Foundation
import Roster
import RosterManifest
import RosterModel

/// One size's figures: load+validate and plan of a `SyntheticOrg` against the in-process emulators.
struct Measurement: Codable {
    var people: Int
    var providers: Int
    var manifestBytes: Int
    var validateSeconds: Double
    var planSeconds: Double
    var planSteps: Int
    var liveUsers: Int
    var peakMemoryMB: Double
    /// Plan steps by provider name.
    var stepsByProvider: [String: Int]

    /// Generates the org in a temporary folder, then times validate and plan (in-process emulator).
    static func run(people: Int, providers: [String]) async throws -> Measurement {
        let org = SyntheticOrg(people: people)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roster-bench-\(people)-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = org.manifest()
        try manifest.write(to: directory.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
        for (name, seed) in try org.seeds() { try seed.write(to: directory.appendingPathComponent(name)) }
        let workflow = Workflow(options: RosterOptions(manifestPath: directory.path, providers: providers))

        let validateStart = ContinuousClock.now
        let valid = workflow.validate().desired != nil
        let validateSeconds = (ContinuousClock.now - validateStart).benchSeconds
        guard valid else { throw BenchError("the generated manifest did not validate") }

        // The first plan also loads the seed into the emulator; the second is the steady-state figure. Peak memory
        // is counted from here, so generating the seeds and that first plan do not count.
        _ = try await workflow.plan()
        resetPeakMemory()
        let planStart = ContinuousClock.now
        let result = try await workflow.plan()
        let planSeconds = (ContinuousClock.now - planStart).benchSeconds
        let steps = Dictionary(grouping: result.plan.steps, by: \.address.provider).mapValues(\.count)
        return Measurement(
            people: people, providers: providers.count, manifestBytes: manifest.utf8.count,
            validateSeconds: validateSeconds,
            planSeconds: planSeconds, planSteps: result.plan.steps.count,
            liveUsers: result.live.providers.values.reduce(0) { $0 + $1.users.count }, peakMemoryMB: peakMemoryMB(),
            stepsByProvider: steps)
    }

    /// Returns freed memory to the system and restarts the peak (VmHWM) at the current resident size.
    static func resetPeakMemory() {
        FreedMemory.returnToSystem()
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Peak resident memory of this process (VmHWM), in MB.
    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var benchSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
