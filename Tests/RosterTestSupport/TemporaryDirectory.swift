import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The folder that holds every temporary directory of this test process; removed when the process exits, so test
/// runs do not leave thousands of folders behind.
private let testRoot: String = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("roster-tests-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { removeTestRoot() }
    return root
}()

private func removeTestRoot() {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("roster-tests-\(getpid())").path
    try? FileManager.default.removeItem(atPath: root)
}

/// A fresh directory for manifests and state in tests (under a per-process folder removed at exit).
public func temporaryDirectory(_ name: String = "roster") throws -> String {
    let path = (testRoot as NSString).appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `text` to `directory/name` and returns the path.
@discardableResult
public func write(_ text: String, to name: String, in directory: String) throws -> String {
    let path = (directory as NSString).appendingPathComponent(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
