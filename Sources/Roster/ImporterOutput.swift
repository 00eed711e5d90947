import Foundation
import RosterManifest

/// The folder `roster import` writes into: refused when it already holds something (unless forced), and then
/// only its manifest files (`*.yaml`, `*.yml`, outside hidden folders) are replaced; seeds, READMEs and the
/// `.roster/` state stay.
struct ImporterOutput {
    let directory: String

    private var fileManager: FileManager { .default }

    /// Refuses a file, or a folder that already holds something unless forced.
    func check(force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw RosterError(.usage, "\(directory) is a file; roster import writes a folder of manifests")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
        guard !entries.isEmpty else { return }
        guard force else {
            throw RosterError(
                .usage,
                "\(directory) is not empty; choose an empty folder with --out, or pass --force to replace its manifest files (*.yaml, *.yml)"
            )
        }
    }

    /// Every `*.yaml`/`*.yml` under the folder, hidden entries (and so `.roster/`) skipped.
    func manifestFiles() -> [String] {
        guard let walker = fileManager.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                found.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return found.sorted()
    }

    /// Writes each file, creating folders as needed; when forced, first removes the manifest files already there,
    /// which the new ones would otherwise be merged with.
    func replace(with files: [ManifestWriter.File], force: Bool) throws {
        if force {
            for path in manifestFiles() { try fileManager.removeItem(atPath: path) }
        }
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.path)
            do {
                try fileManager.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw RosterError(.usage, "cannot write \(path): \(error.localizedDescription)")
            }
        }
    }
}
