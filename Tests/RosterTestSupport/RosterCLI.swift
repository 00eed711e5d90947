import Foundation

/// Runs the built `roster` binary as a real subprocess, for end-to-end tests of exit codes, output and crashes.
public struct RosterCLI: Sendable {
    /// The path of the binary.
    public let executable: String
    /// Extra environment variables for every run (on top of the test's own environment).
    public var environment: [String: String]

    /// The binary next to the test bundle (`.build/<triple>/debug/roster`), or under the package's `.build/debug`.
    public init(environment: [String: String] = [:], file: String = #filePath) {
        let bundleFolder = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        let besideTests = (bundleFolder as NSString).appendingPathComponent("roster")
        var root = URL(fileURLWithPath: file)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let inPackage = root.appendingPathComponent(".build/debug/roster").path
        executable = FileManager.default.isExecutableFile(atPath: besideTests) ? besideTests : inPackage
        self.environment = environment
    }

    /// What a finished run printed and how it exited.
    public struct Result: Sendable, CustomStringConvertible {
        /// The exit status (or 128 + signal when killed).
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String

        /// Everything, for test failure messages.
        public var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Runs `roster arguments…` to completion.
    public func run(_ arguments: [String]) throws -> Result {
        let running = try start(arguments)
        return running.wait()
    }

    /// Starts `roster arguments…` and returns at once; output goes to files read by `RunningRoster.wait()`.
    public func start(_ arguments: [String]) throws -> RunningRoster {
        try RunningRoster(executable: executable, arguments: arguments, environment: environment)
    }
}

/// A `roster` subprocess started by a test.
public final class RunningRoster: @unchecked Sendable {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        stdoutPath = folder.appendingPathComponent("stdout").path
        stderrPath = folder.appendingPathComponent("stderr").path
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Whether it is still running.
    public var isRunning: Bool { process.isRunning }

    /// Sends SIGKILL: no handler, no cleanup, exactly like a CI timeout or an OOM kill.
    public func killHard() { kill(process.processIdentifier, SIGKILL) }

    /// Waits for the process to end without blocking a thread of the concurrency pool (an in-process server the
    /// subprocess talks to needs those threads), and returns its output.
    public func finished() async -> RosterCLI.Result {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return wait()
    }

    /// Waits for the process to end and returns its output.
    public func wait() -> RosterCLI.Result {
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let out = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return RosterCLI.Result(status: status, stdout: out, stderr: err)
    }

    deinit {
        if process.isRunning {
            killHard()
            process.waitUntilExit()
        }
    }
}
