import Foundation

/// Runs the reference client, `scripts/bench-reference.py`, against a loopback SCIM service.
enum Reference {
    /// The script's path, from the current directory (the package root under `swift run`).
    static let script = "scripts/bench-reference.py"

    /// The reference client's listing time in seconds; throws when it fails or lists another number of users.
    static func run(python: String, url: String, token: String, pageSize: Int, expected: Int) throws -> Double {
        struct Output: Decodable {
            var users: Int
            var seconds: Double
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, url, token, String(pageSize)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(python) \(script) failed (install: pip install scim2-client httpx2)")
        }
        let output = try JSONDecoder().decode(Output.self, from: data)
        guard output.users == expected else {
            throw BenchError("the reference client listed \(output.users) users, the emulator holds \(expected)")
        }
        return output.seconds
    }
}
