import ArgumentParser
import Foundation

/// `roster-bench`: roster at real scale, never part of the test suite.
///
/// 1. Load+validate and plan of a six-provider synthetic org (`SyntheticOrg`) against the in-process emulators,
///    each size in a fresh process (`--single N`) so peak memory is per size.
/// 2. Reads over loopback HTTP: roster's SCIM client against the reference client (`scripts/bench-reference.py`).
/// 3. Apply throughput of each vendor against its emulator with the documented limit in force.
///
/// Usage: `swift run -c release roster-bench --help`.
@main
struct RosterBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster-bench",
        abstract: "Measures roster at real scale: load+validate and plan, loopback reads, apply throughput.",
        discussion: "Build it in release mode: swift run -c release roster-bench. Never part of the test suite.")

    @OptionGroup var options: BenchOptions

    mutating func run() async throws {
        if let people = options.single {
            let measurement = try await Measurement.run(people: people, providers: options.providers)
            print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
            return
        }
        var results = BenchResults()
        if options.stages.contains(.plan) {
            emit(BenchTable.planHeader(options.providers))
            for people in options.planSizes {
                let measurement = try Self.runChild(people: people, providers: options.providers)
                results.plan.append(measurement)
                emit(BenchTable.row(measurement))
            }
            emit(BenchTable.growth(results.plan))
        }
        if options.stages.contains(.reads) {
            let reads = try await ReadMeasurement.run(
                people: options.readsPeople, pageSize: options.pageSize, python: options.python)
            results.reads = reads
            emit(BenchTable.reads(reads))
        }
        if options.stages.contains(.apply) {
            emit(BenchTable.applyHeader)
            for vendor in ApplyMeasurement.vendors {
                let measurement = try await ApplyMeasurement.run(vendor: vendor, changes: options.changes(for: vendor))
                results.apply.append(measurement)
                emit(BenchTable.row(measurement))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let jsonPath = options.jsonPath {
            try encoder.encode(results).write(to: URL(fileURLWithPath: jsonPath))
            print("figures written to \(jsonPath)")
        }
    }

    static func runChild(people: Int, providers: [String]) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
        process.arguments = ["--single", String(people), "--providers", providers.joined(separator: ",")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("the run for \(people) people failed") }
        return try JSONDecoder().decode(Measurement.self, from: data)
    }
}

/// Every figure of a run, for `--json`.
struct BenchResults: Encodable {
    var plan: [Measurement] = []
    var reads: ReadMeasurement?
    var apply: [ApplyMeasurement] = []
}

/// Prints a line at once (a pipe would otherwise hold it until exit).
func emit(_ text: String) {
    print(text)
    fflush(nil)
}
