import Foundation
import RosterApply
import RosterModel

/// An append-only, fsync'd journal of step starts and outcomes, one file per plan digest in the state folder.
final class FileJournal: ApplyJournal, @unchecked Sendable {
    private let path: String
    private let handle: FileHandle
    private let lock = NSLock()
    private let done: Set<String>
    private let started: Set<String>

    /// Opens (or creates) the journal for a plan and reads what an earlier run recorded.
    init(directory: String, planDigest: String) throws {
        let folder = (directory as NSString).appendingPathComponent("journal")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = Self.path(directory: directory, planDigest: planDigest)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        (done, started) = Self.read(path)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw RosterError(.usage, "cannot write the apply journal at \(path)")
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Removes every plan's journal (after a converged apply, when nothing is left to resume).
    static func discardAll(directory: String) {
        let folder = (directory as NSString).appendingPathComponent("journal")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasSuffix(".jsonl") {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// The journal file of a plan.
    static func path(directory: String, planDigest: String) -> String {
        ((directory as NSString).appendingPathComponent("journal") as NSString)
            .appendingPathComponent("\(planDigest).jsonl")
    }

    /// Every step an earlier run of this plan recorded (started or finished), without creating a journal.
    static func recorded(directory: String, planDigest: String) -> Set<String> {
        let (done, started) = read(path(directory: directory, planDigest: planDigest))
        return done.union(started)
    }

    /// The steps a journal file records as done, and those started but not finished.
    static func read(_ path: String) -> (done: Set<String>, started: Set<String>) {
        var done = Set<String>()
        var started = Set<String>()
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(line.utf8)) else { continue }
            switch entry.event {
            case "started": started.insert(entry.step)
            case "applied", "already-done": done.insert(entry.step)
            default: started.remove(entry.step)
            }
        }
        return (done, started.subtracting(done))
    }

    struct Entry: Codable {
        var step: String
        var event: String
        var error: String?
    }

    func completed() async -> Set<String> { done }

    func inFlight() async -> Set<String> { started }

    func started(_ stepID: String) async throws { try append(Entry(step: stepID, event: "started")) }

    func finished(_ outcome: StepOutcome) async throws {
        try append(Entry(step: outcome.stepID, event: outcome.status.rawValue, error: outcome.error))
    }

    private func append(_ entry: Entry) throws {
        var data = try JSONEncoder().encode(entry)
        data.append(0x0A)
        try lock.withLock {
            try handle.write(contentsOf: data)
            try handle.synchronize()
        }
    }
}
