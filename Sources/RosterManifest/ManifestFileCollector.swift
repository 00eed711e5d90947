import Foundation
import RosterModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and reads the manifest files under a path: one file, or every `*.yaml`/`*.yml` below a directory
/// (hidden entries skipped, symbolic links followed once, loops reported), each within the size cap.
struct ManifestFileCollector {
    /// Files larger than this are refused.
    var maxFileBytes: Int
    /// Where problems go.
    let diagnostics: DiagnosticCollector
    /// Whether every file that should have been read was read.
    private(set) var isComplete = true

    /// A found file: the path to show and the resolved path (to read each file once).
    private struct Found {
        var path: String
        var realPath: String
    }

    /// The files to load, sorted by path, with a diagnostic for every path that could not be used.
    mutating func collect(path: String) -> [ManifestFile] {
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else {
            let code = path.isEmpty ? ENOENT : errno
            isComplete = false
            if code == ELOOP {
                diagnostics.error(.symlinkLoop, "cannot read '\(path)': symbolic link loop", at: whole(path))
            } else if code == ENOENT {
                diagnostics.error(.inputNotFound, "no such file or directory: '\(path)'", at: whole(path))
            } else {
                diagnostics.error(.unreadable, "cannot read '\(path)': \(describe(code))", at: whole(path))
            }
            return []
        }
        guard isDirectory(info) else {
            guard isRegular(info) else {
                refuse(.unreadable, "cannot read '\(path)': not a regular file", path)
                return []
            }
            return readFile(path).map { [$0] } ?? []
        }
        let root = resolved(path) ?? path
        var seen: Set<String> = [root]
        var found: [Found] = []
        walk(directory: path, ancestors: [root], seen: &seen, found: &found)
        if found.isEmpty && isComplete {
            diagnostics.error(
                .noManifests, "no *.yaml or *.yml files in directory '\(path)'", at: whole(path),
                hint: "manifests are found recursively; hidden files and folders are skipped")
        }
        return readAll(found.sorted { $0.path < $1.path })
    }

    /// Reads each found file once, warning about a file reached again through a symbolic link.
    private mutating func readAll(_ found: [Found]) -> [ManifestFile] {
        var firstPath: [String: String] = [:]
        var files: [ManifestFile] = []
        for entry in found {
            if let first = firstPath[entry.realPath] {
                diagnostics.warning(
                    .duplicatePath, "skipping '\(entry.path)': it is the same file as '\(first)'", at: whole(entry.path)
                )
                continue
            }
            firstPath[entry.realPath] = entry.path
            if let file = readFile(entry.path) { files.append(file) }
        }
        return files
    }

    /// Collects manifest files below `directory`, depth first, never entering a directory twice.
    private mutating func walk(directory: String, ancestors: Set<String>, seen: inout Set<String>, found: inout [Found])
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            isComplete = false
            diagnostics.error(.unreadable, "cannot read directory '\(directory)'", at: whole(directory))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard stat(child, &info) == 0 else {
                unusable(child, errno: errno)
                continue
            }
            if isDirectory(info) {
                guard let real = resolved(child) else { continue }
                if ancestors.contains(real) {
                    diagnostics.warning(
                        .symlinkLoop, "skipping '\(child)': symbolic link loops back to a directory being read",
                        at: whole(child))
                } else if seen.contains(real) {
                    diagnostics.warning(
                        .duplicatePath, "skipping '\(child)': this directory was already read through another path",
                        at: whole(child))
                } else {
                    seen.insert(real)
                    walk(directory: child, ancestors: ancestors.union([real]), seen: &seen, found: &found)
                }
            } else if Self.isManifestName(name) {
                guard isRegular(info) else {
                    refuse(.unreadable, "cannot read '\(child)': not a regular file", child)
                    continue
                }
                found.append(Found(path: child, realPath: resolved(child) ?? child))
            }
        }
    }

    /// Reports a directory entry `stat` cannot follow, when it matters.
    private mutating func unusable(_ path: String, errno code: Int32) {
        if code == ELOOP {
            diagnostics.warning(.symlinkLoop, "skipping '\(path)': symbolic link loop", at: whole(path))
        } else if Self.isManifestName(path) {
            isComplete = false
            let reason = code == ENOENT ? "broken symbolic link" : describe(code)
            diagnostics.error(.unreadable, "cannot read '\(path)': \(reason)", at: whole(path))
        }
    }

    /// Reads one file within the size cap.
    private mutating func readFile(_ path: String) -> ManifestFile? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            return refuse(.unreadable, "cannot read '\(path)': \(describe(errno))", path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, isRegular(info) else {
            return refuse(.unreadable, "cannot read '\(path)': not a regular file", path)
        }
        let size = Int(info.st_size)
        guard size <= maxFileBytes else {
            let message =
                "file too large (\(Self.size(size, unit: maxFileBytes)), limit \(Self.size(maxFileBytes, unit: maxFileBytes)))"
            return refuse(.fileTooLarge, message, path)
        }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return refuse(.unreadable, "cannot read '\(path)': \(describe(errno))", path) }
            if count == 0 { break }
            total += count
        }
        guard total <= size else {
            return refuse(.fileTooLarge, "file too large (it grew while being read)", path)
        }
        return ManifestFile(path: path, bytes: Array(bytes[..<total]))
    }

    @discardableResult
    private mutating func refuse(_ code: ManifestDiagnosticCode, _ message: String, _ path: String) -> ManifestFile? {
        isComplete = false
        diagnostics.error(code, message, at: whole(path))
        return nil
    }

    /// `*.yaml` or `*.yml`.
    static func isManifestName(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// "70 MB" when the limit is at least a megabyte (rounded up, so it never equals the limit), else bytes.
    static func size(_ bytes: Int, unit limit: Int) -> String {
        let megabyte = 1 << 20
        guard limit >= megabyte else { return "\(bytes) bytes" }
        return "\((bytes + megabyte - 1) / megabyte) MB"
    }

    /// A location meaning "this file as a whole" (line and column 0).
    private func whole(_ path: String) -> SourceLocation { SourceLocation(file: path, line: 0, column: 0) }

    private func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    private func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }

    private func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    /// The canonical path with every symbolic link resolved.
    private func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
