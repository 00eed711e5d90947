import Foundation

/// `roster-bench`: measures manifest load+validate and plan (against the in-process emulator) for synthetic orgs of growing size, each in a fresh process so peak memory is per size.
///
/// Not part of the test suite.
///
/// Usage: `swift run -c release roster-bench [N ...] [--json FILE]` (default sizes: 1000 10000 50000).
@main
enum RosterBench {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--single", arguments.count == 2, let people = Int(arguments[1]) {
            let measurement = try await Measurement.run(people: people)
            print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
            return
        }
        var jsonPath: String?
        if let index = arguments.firstIndex(of: "--json"), index + 1 < arguments.count {
            jsonPath = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
        }
        let sizes = arguments.compactMap(Int.init).isEmpty ? [1_000, 10_000, 50_000] : arguments.compactMap(Int.init)
        var results: [Measurement] = []
        print("people   manifest   validate   plan      steps    live users  peak memory")
        for people in sizes {
            let measurement = try runChild(people: people)
            results.append(measurement)
            print(row(measurement))
        }
        let json = try JSONEncoder().encode(results)
        if let jsonPath { try json.write(to: URL(fileURLWithPath: jsonPath)) }
        print(String(decoding: json, as: UTF8.self))
    }

    static func runChild(people: Int) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
        process.arguments = ["--single", String(people)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("the run for \(people) people failed") }
        return try JSONDecoder().decode(Measurement.self, from: data)
    }

    static func row(_ m: Measurement) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        return pad("\(m.people)", 9) + pad(String(format: "%.1f MB", Double(m.manifestBytes) / 1e6), 11)
            + pad(String(format: "%.2f s", m.validateSeconds), 11) + pad(String(format: "%.2f s", m.planSeconds), 10)
            + pad("\(m.planSteps)", 9) + pad("\(m.liveUsers)", 12) + String(format: "%.0f MB", m.peakMemoryMB)
    }
}
