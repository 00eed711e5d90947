import Foundation
import HTTPTypes
public import RosterEmulators

/// A temporary folder with manifests, a state folder and the `roster` binary, for apply tests.
public struct ApplyWorkspace: Sendable {
    /// The folder.
    public let directory: String
    /// The binary.
    public var cli: RosterCLI

    /// Creates an empty workspace.
    public init(environment: [String: String] = [:]) throws {
        directory = try temporaryDirectory("roster-apply")
        cli = RosterCLI(environment: environment)
    }

    /// The state folder every run shares (emulator state, journal, lock).
    public var stateDirectory: String { path(".roster") }

    /// An absolute path inside the workspace.
    public func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Writes a manifest into its own subfolder `name/roster.yaml` and returns its path.
    @discardableResult
    public func manifest(_ name: String, _ text: String) throws -> String {
        let folder = path(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try write(text, to: "roster.yaml", in: folder)
    }

    /// Runs `roster` with `--state-dir` pointing at the shared state folder.
    ///
    /// Waits without blocking a thread of the concurrency pool: tests run in parallel, and an in-process emulator
    /// server another test's subprocess talks to needs those threads.
    public func roster(_ command: String, _ arguments: [String]) async throws -> RosterCLI.Result {
        try await start(command, arguments).finished()
    }

    /// Starts `roster` without waiting for it.
    public func start(_ command: String, _ arguments: [String]) throws -> RunningRoster {
        try cli.start([command] + arguments + ["--state-dir", stateDirectory])
    }

    /// The users an embedded emulator provider holds now, read from its persisted state (`userName`s).
    public func emulatorUserNames(_ provider: String) throws -> [String] {
        try emulatorUsers(provider).compactMap { $0["userName"] as? String }
    }

    /// The users an embedded emulator provider holds now, as JSON objects.
    public func emulatorUsers(_ provider: String) throws -> [[String: Any]] {
        let file = ((stateDirectory as NSString).appendingPathComponent("emulators/\(provider)") as NSString)
            .appendingPathComponent("state.json")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return root?["users"] as? [[String: Any]] ?? []
    }

    /// The lines of the one apply journal in the state folder (empty when there is none).
    public func journalLines() -> [String] {
        let folder = (stateDirectory as NSString).appendingPathComponent("journal")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.flatMap { name -> [String] in
            let text = (try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8))
            return (text ?? "").split(separator: "\n").map(String.init)
        }
    }
}

extension FaultRule {
    /// Rules that answer every write with 401, as a token revoked after the plan was read would.
    public static var revokedForWrites: [FaultRule] {
        [HTTPRequest.Method.post, .patch, .put, .delete].map {
            FaultRule(.status(401, retryAfter: nil), trigger: .always, method: $0)
        }
    }

    /// A rule that answers the next `times` writes (POST) with `status`, for retry tests.
    public static func failingWrites(_ status: Int, times: Int) -> FaultRule {
        FaultRule(.status(status, retryAfter: 0), trigger: .next(times), method: .post)
    }
}
