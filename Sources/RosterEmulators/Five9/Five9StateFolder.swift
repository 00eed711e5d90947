import Foundation

/// The on-disk state of the Five9 emulator: `state.json` (a snapshot) plus `journal.jsonl` (one committed request
/// per line, fsynced before the response leaves), locked against a second emulator on the same folder.
///
/// The same design as `SCIMStateFolder`: opening replays snapshot + journal; `compact` writes a new snapshot
/// (temporary file, fsync, rename) and only then empties the journal; a torn last line is dropped. No password
/// is ever written.
final class Five9StateFolder {
    static let snapshotName = SCIMStateFolder.snapshotName
    static let journalName = "journal.jsonl"

    let directory: URL
    private var journal: FileHandle?
    private var lockHandle: FileHandle?
    /// Lines in the journal since the last snapshot.
    private(set) var journalEntries = 0

    private var snapshotURL: URL { directory.appendingPathComponent(Self.snapshotName) }
    private var journalURL: URL { directory.appendingPathComponent(Self.journalName) }

    /// Opens (or creates) the folder; `initial` builds the first state when there is no snapshot yet.
    static func open(
        _ directory: URL, initial: () throws(SCIMEmulatorError) -> Five9Store
    ) throws(SCIMEmulatorError) -> (Five9StateFolder, Five9Store) {
        let folder = Five9StateFolder(directory: directory)
        try StateFolderIO.run(directory.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try folder.lock()
        var store: Five9Store
        if FileManager.default.fileExists(atPath: folder.snapshotURL.path) {
            store = try folder.readSnapshot()
            try folder.replayJournal(into: &store)
        } else {
            store = try initial()
            try folder.writeSnapshot(store)
            try StateFolderIO.run(folder.journalURL.path) { try Data().write(to: folder.journalURL) }
        }
        try StateFolderIO.run(folder.journalURL.path) {
            if !FileManager.default.fileExists(atPath: folder.journalURL.path) {
                try Data().write(to: folder.journalURL)
            }
            let handle = try FileHandle(forWritingTo: folder.journalURL)
            try handle.seekToEnd()
            folder.journal = handle
        }
        return (folder, store)
    }

    private init(directory: URL) {
        self.directory = directory
    }

    deinit {
        try? journal?.close()
        try? lockHandle?.close()
    }

    private func lock() throws(SCIMEmulatorError) {
        lockHandle = try StateFolderIO.lock(directory)
    }

    /// Appends the changes of one request as one line and waits until it is on disk.
    func append(_ mutations: [Five9Mutation], ids: Five9IDCounters) throws(SCIMEmulatorError) {
        guard let journal else {
            throw SCIMEmulatorError(.io, file: journalURL.path, problems: ["the journal is closed"])
        }
        var line: [UInt8] = []
        Five9Persistence.line(mutations, ids: ids).write(into: &line)
        line.append(0x0A)
        try StateFolderIO.run(journalURL.path) {
            try journal.write(contentsOf: line)
            try journal.synchronize()
        }
        journalEntries += 1
    }

    /// Writes `store` as the new snapshot atomically, then empties the journal.
    func compact(_ store: Five9Store) throws(SCIMEmulatorError) {
        try writeSnapshot(store)
        guard let journal else { return }
        try StateFolderIO.run(journalURL.path) {
            try journal.truncate(atOffset: 0)
            try journal.synchronize()
        }
        journalEntries = 0
    }

    /// Compacts and closes the folder; it must not be used afterwards.
    func close(_ store: Five9Store) throws(SCIMEmulatorError) {
        if journalEntries > 0 { try compact(store) }
        try StateFolderIO.run(journalURL.path) { try journal?.close() }
        journal = nil
        try? lockHandle?.close()
        lockHandle = nil
    }

    private func writeSnapshot(_ store: Five9Store) throws(SCIMEmulatorError) {
        let temporary = directory.appendingPathComponent(Self.snapshotName + ".tmp")
        let data = Five9Persistence.snapshot(store).serialized
        try StateFolderIO.run(temporary.path) {
            try data.write(to: temporary)
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, snapshotURL.path) == 0 else {
                throw StateFormatError(description: "cannot rename \(temporary.lastPathComponent) (errno \(errno))")
            }
        }
    }

    private func readSnapshot() throws(SCIMEmulatorError) -> Five9Store {
        do {
            return try Five9Persistence.readSnapshot(JSONParser.parse(Data(contentsOf: snapshotURL)))
        } catch let error as StateFormatError {
            throw SCIMEmulatorError(.invalidState, file: snapshotURL.path, problems: [error.description])
        } catch let error as JSONParseError {
            throw SCIMEmulatorError(.invalidState, file: snapshotURL.path, problems: [error.description])
        } catch {
            throw SCIMEmulatorError(.io, file: snapshotURL.path, problems: [error.localizedDescription])
        }
    }

    private func replayJournal(into store: inout Five9Store) throws(SCIMEmulatorError) {
        guard FileManager.default.fileExists(atPath: journalURL.path) else { return }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: journalURL))
        } catch {
            throw SCIMEmulatorError(.io, file: journalURL.path, problems: [error.localizedDescription])
        }
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                try StateFolderIO.run(journalURL.path) {
                    let handle = try FileHandle(forWritingTo: journalURL)
                    try handle.truncate(atOffset: UInt64(start))
                    try handle.synchronize()
                    try handle.close()
                }
                return
            }
            do {
                try Five9Persistence.replay(JSONParser.parse(Data(bytes[start..<end])), into: &store)
            } catch {
                throw SCIMEmulatorError(
                    .invalidState, file: journalURL.path, problems: ["line \(lineNumber): \(error)"])
            }
            journalEntries += 1
            start = end + 1
        }
    }
}
