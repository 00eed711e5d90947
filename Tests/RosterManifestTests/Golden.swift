import Foundation
import Testing

/// Compares text with `Fixtures/golden/<name>`; with `ROSTER_RECORD=1` in the environment, writes it instead.
enum Golden {
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = TestPaths.fixture("golden/" + name)
        if ProcessInfo.processInfo.environment["ROSTER_RECORD"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("missing golden \(name); run with ROSTER_RECORD=1 to write it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden \(name)", sourceLocation: sourceLocation)
    }
}
