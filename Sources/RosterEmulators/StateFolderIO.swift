import Foundation

/// File work shared by the emulators' state folders (generic SCIM and Five9): failures as `SCIMEmulatorError`, and
/// the folder's exclusive lock.
enum StateFolderIO {
    /// The lock file's name in a state folder.
    static let lockName = "lock"

    /// Runs file work, reporting a failure as an `.io` error naming `file`.
    static func run(_ file: String, _ body: () throws -> Void) throws(SCIMEmulatorError) {
        do {
            try body()
        } catch {
            throw SCIMEmulatorError(.io, file: file, problems: [error.localizedDescription])
        }
    }

    /// The contents of the file at `url`, read straight into one exactly sized buffer (a snapshot can be tens of
    /// megabytes; reading it through `Data` would hold it twice).
    static func bytes(of url: URL) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(handle.fileDescriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = count < 0 ? errno : 0
                    return
                }
                initialized += count
            }
        }
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        return bytes
    }

    /// Takes an exclusive advisory lock on `lock` in the folder, so that two emulators (say `roster plan` and
    /// `roster emulator serve`) never write the same state; the kernel releases it when the process dies.
    ///
    /// - Returns: The lock file's handle; keep it open for as long as the lock is held.
    static func lock(_ directory: URL) throws(SCIMEmulatorError) -> FileHandle {
        let url = directory.appendingPathComponent(lockName)
        var handle: FileHandle?
        try run(url.path) {
            if !FileManager.default.fileExists(atPath: url.path) { try Data().write(to: url) }
            handle = try FileHandle(forUpdating: url)
        }
        guard let handle, flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw SCIMEmulatorError(
                .io, file: directory.path,
                problems: ["the state folder is in use by another emulator; stop it first (roster emulator serve?)"])
        }
        return handle
    }
}
