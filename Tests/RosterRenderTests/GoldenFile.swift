import Foundation
import Testing

/// Compares output with `Golden/<name>`; with `ROSTER_RECORD=1` in the environment, writes the file instead.
enum GoldenFile {
    /// The folder holding golden files, next to this source file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Whether this run records goldens instead of checking them.
    static var recording: Bool { ProcessInfo.processInfo.environment["ROSTER_RECORD"] == "1" }

    /// Checks `actual` against the golden file `name`, or records it.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "golden file Golden/\(name) is missing; run with ROSTER_RECORD=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }

    /// The contents of a golden file.
    static func read(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }
}
