import Foundation

/// Where the test fixtures, examples and schema live, found from this file's path (works in any checkout).
enum TestPaths {
    /// `Tests/RosterManifestTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .path

    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A fixture file's path.
    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    /// A path under the package root.
    static func repository(_ path: String) -> String { root + "/" + path }

    /// Every `*.yaml` under a directory, sorted.
    static func yamlFiles(under directory: String) -> [String] {
        files(under: directory, suffixes: [".yaml", ".yml"])
    }

    /// Every file under `directory` whose name ends with one of `suffixes`, sorted.
    static func files(under directory: String, suffixes: [String]) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if suffixes.contains(where: { next.hasSuffix($0) }) { files.append(directory + "/" + next) }
        }
        return files.sorted()
    }
}

/// A fresh directory under the system temporary folder, removed when the test is done.
final class TemporaryDirectory {
    /// The directory's path.
    let path: String

    /// Creates the directory.
    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("roster-manifest-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        _ = chmodTree(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file (creating folders) and returns its path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes raw bytes (creating folders) and returns the path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + relative
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Makes everything writable again so cleanup can remove permission-test leftovers.
    private func chmodTree(_ root: String) -> Bool {
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let next = enumerator?.nextObject() as? String {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/" + next)
        }
        return true
    }
}
