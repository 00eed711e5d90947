import Foundation

/// The on-disk state of an emulator: `state.json` (a snapshot) plus `journal.jsonl` (one committed change per
/// line, fsynced before the response leaves, so `kill -9` never loses an acknowledged write).
///
/// Opening replays snapshot + journal. `compact()` writes a new snapshot to a temporary file, fsyncs it, renames it
/// over the old one and only then empties the journal; replaying puts and deletes is idempotent, so a crash between
/// the two steps is harmless. A torn last journal line (a write that was never acknowledged) is dropped.
final class SCIMStateFolder {
    static let snapshotName = "state.json"
    static let journalName = "journal.jsonl"
    static let formatVersion = 1

    let directory: URL
    private var journal: FileHandle?
    private var lockHandle: FileHandle?
    /// Lines in the journal since the last snapshot.
    private(set) var journalEntries = 0

    private var snapshotURL: URL { directory.appendingPathComponent(Self.snapshotName) }
    private var journalURL: URL { directory.appendingPathComponent(Self.journalName) }

    /// Opens (or creates) the folder; `initial` builds the first state when there is no snapshot yet.
    static func open(
        _ directory: URL, initial: () throws(SCIMEmulatorError) -> SCIMStore
    )
        throws(SCIMEmulatorError) -> (SCIMStateFolder, SCIMStore)
    {
        let folder = SCIMStateFolder(directory: directory)
        try StateFolderIO.run(directory.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try folder.lock()
        var store: SCIMStore
        if FileManager.default.fileExists(atPath: folder.snapshotURL.path) {
            store = try folder.readSnapshot()
            try folder.replayJournal(into: &store)
        } else {
            store = try initial()
            try folder.writeSnapshot(store)
            try StateFolderIO.run(folder.journalURL.path) { try Data().write(to: folder.journalURL) }
        }
        try folder.openJournal()
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

    private func openJournal() throws(SCIMEmulatorError) {
        try StateFolderIO.run(journalURL.path) {
            if !FileManager.default.fileExists(atPath: journalURL.path) { try Data().write(to: journalURL) }
            let handle = try FileHandle(forWritingTo: journalURL)
            try handle.seekToEnd()
            journal = handle
        }
    }

    /// Appends the changes of one request as one line and waits until it is on disk.
    func append(_ mutations: [StoreMutation], counter: Int) throws(SCIMEmulatorError) {
        guard let journal else {
            throw SCIMEmulatorError(.io, file: journalURL.path, problems: ["the journal is closed"])
        }
        var line: [UInt8] = []
        JournalEntry(mutations: mutations, counter: counter).json.write(into: &line)
        line.append(0x0A)
        try StateFolderIO.run(journalURL.path) {
            try journal.write(contentsOf: line)
            try journal.synchronize()
        }
        journalEntries += 1
    }

    /// Writes `store` as the new snapshot atomically, then empties the journal.
    func compact(_ store: SCIMStore) throws(SCIMEmulatorError) {
        try writeSnapshot(store)
        guard let journal else { return }
        try StateFolderIO.run(journalURL.path) {
            try journal.truncate(atOffset: 0)
            try journal.synchronize()
        }
        journalEntries = 0
    }

    /// Compacts (when anything was journaled since the last snapshot) and closes the journal.
    ///
    /// The folder must not be used afterwards. A read-only session leaves the snapshot untouched, so closing it costs
    /// nothing.
    func close(_ store: SCIMStore) throws(SCIMEmulatorError) {
        if journalEntries > 0 { try compact(store) }
        try StateFolderIO.run(journalURL.path) { try journal?.close() }
        journal = nil
        try? lockHandle?.close()
        lockHandle = nil
    }

    /// Streams the snapshot into a temporary file, fsyncs it and renames it over the old one.
    private func writeSnapshot(_ store: SCIMStore) throws(SCIMEmulatorError) {
        let temporary = directory.appendingPathComponent(Self.snapshotName + ".tmp")
        try StateFolderIO.run(temporary.path) {
            try Data().write(to: temporary)
            do {
                let handle = try FileHandle(forWritingTo: temporary)
                defer { try? handle.close() }
                try Snapshot.write(store) { chunk in try handle.write(contentsOf: chunk) }
                try handle.synchronize()
            }
            guard rename(temporary.path, snapshotURL.path) == 0 else {
                throw StateFormatError(description: "cannot rename \(temporary.lastPathComponent) (errno \(errno))")
            }
        }
    }

    private func readSnapshot() throws(SCIMEmulatorError) -> SCIMStore {
        let bytes: [UInt8]
        do {
            bytes = try StateFolderIO.bytes(of: snapshotURL)
        } catch {
            throw SCIMEmulatorError(.io, file: snapshotURL.path, problems: [error.localizedDescription])
        }
        do {
            return try Snapshot.read(bytes)
        } catch let error as JSONParseError {
            throw SCIMEmulatorError(.invalidState, file: snapshotURL.path, problems: [error.description])
        } catch {
            throw SCIMEmulatorError(.invalidState, file: snapshotURL.path, problems: ["\(error)"])
        }
    }

    private func replayJournal(into store: inout SCIMStore) throws(SCIMEmulatorError) {
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
                try dropTornTail(at: start)
                return
            }
            let entry: JournalEntry
            do {
                entry = try JournalEntry.read(JSONParser.parse(Data(bytes[start..<end])))
            } catch {
                throw SCIMEmulatorError(
                    .invalidState, file: journalURL.path, problems: ["line \(lineNumber): \(error)"])
            }
            for mutation in entry.mutations { store.apply(mutation) }
            store.raiseCounter(to: entry.counter)
            journalEntries += 1
            start = end + 1
        }
    }

    /// A last line without its newline was being written when the process died; its write was never
    /// acknowledged, so it is cut off.
    private func dropTornTail(at offset: Int) throws(SCIMEmulatorError) {
        try StateFolderIO.run(journalURL.path) {
            let handle = try FileHandle(forWritingTo: journalURL)
            try handle.truncate(atOffset: UInt64(offset))
            try handle.synchronize()
            try handle.close()
        }
    }
}
