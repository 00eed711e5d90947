import Foundation
import Roster
import RosterTestSupport
import Testing

/// The embedded emulators start side by side; one broken seed does not hide another.
@Suite("Embedded emulators start")
struct EmbeddedEmulatorStartTests {
    @Test func everyEmulatorThatCannotStartIsNamedInOneError() async throws {
        let directory = try temporaryDirectory()
        try write("{ not json", to: "broken.json", in: directory)
        try write(#"{"users": 3}"#, to: "wrong.json", in: directory)
        try write(#"{"users": [{"userName": "ana@x"}]}"#, to: "good.json", in: directory)
        let path = try write(
            """
            version: 1
            providers:
              alpha: { type: scim, endpoint: "emulator:", emulator: { seed: broken.json } }
              beta: { type: scim, endpoint: "emulator:", emulator: { seed: wrong.json } }
              gamma: { type: scim, endpoint: "emulator:", emulator: { seed: good.json } }
            people: []
            """, to: "roster.yaml", in: directory)
        let error = await #expect(throws: RosterError.self) {
            try await Workflow(options: RosterOptions(manifestPath: path)).plan()
        }
        let message = error?.message ?? ""
        #expect(message.contains("provider alpha: the embedded emulator could not start"))
        #expect(message.contains("provider beta: the embedded emulator could not start"))
        #expect(!message.contains("gamma"))
    }
}
