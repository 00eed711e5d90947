import Foundation

/// One apply at a time per state folder: a lock file holding the owner's pid; a lock left by a dead process is
/// detected and taken over.
struct ApplyLock {
    let path: String

    static func acquire(in directory: String) throws -> ApplyLock {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("apply.lock")
        for _ in 0..<2 {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
            if fd >= 0 {
                let text = "\(getpid())\n"
                _ = text.withCString { write(fd, $0, strlen($0)) }
                fsync(fd)
                close(fd)
                return ApplyLock(path: path)
            }
            let owner = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let owner, owner != getpid(), kill(owner, 0) == 0 || errno == EPERM {
                throw RosterError(
                    .locked,
                    "another roster apply (pid \(owner)) is running against these providers (lock \(path)); wait for it to finish"
                )
            }
            // The owner is gone (crash, kill -9, CI timeout): the lock is stale; take it over.
            try? FileManager.default.removeItem(atPath: path)
        }
        throw RosterError(.locked, "could not take the apply lock \(path)")
    }

    func release() { try? FileManager.default.removeItem(atPath: path) }
}
