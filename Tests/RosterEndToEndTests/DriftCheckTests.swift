import Foundation
import HTTPTypes
import Roster
import RosterEmulators
import RosterModel
import RosterRender
import RosterTestSupport
import Testing

/// The scheduled drift check: `plan --detailed-exitcode` and `plan --drift` against the embedded emulator after
/// someone changed things outside roster.
@Suite("Drift", .serialized)
struct DriftCheckTests {
    @Test func detailedExitCodeSaysWhetherAnythingDrifted() throws {
        let path = try ExampleTests.copy("minimal")
        let cli = RosterCLI()
        #expect(try cli.run(["plan", path, "--detailed-exitcode"]).status == 2)
        #expect(try cli.run(["apply", path]).status == 0)
        #expect(try cli.run(["plan", path, "--detailed-exitcode"]).status == 0)
        #expect(try cli.run(["plan", path, "--drift", "--detailed-exitcode"]).status == 0)
        #expect(try cli.run(["plan", path.appending("/nowhere.yaml"), "--detailed-exitcode"]).status == 1)
    }

    @Test func changesOutsideRosterAndNewUnmanagedObjectsAreReportedApart() async throws {
        let path = try ExampleTests.copy("minimal")
        let cli = RosterCLI()
        #expect(try cli.run(["apply", path]).status == 0)
        let first = try cli.run(["plan", path, "--drift", "--output", "json"])
        #expect(first.status == 0, "\(first)")
        let baseline = (path as NSString).appendingPathComponent("baseline.json")
        try first.stdout.write(toFile: baseline, atomically: true, encoding: .utf8)

        try await Self.outsideRoster(state: "\(path)/.roster/emulators/corp") { emulator in
            let ben = try await Self.send(emulator, .get, "/Users?filter=userName%20eq%20%22ben.okafor@acme.example%22")
            let id = try #require(((ben["Resources"] as? [[String: Any]])?.first?["id"]) as? String)
            _ = try await Self.send(
                emulator, .patch, "/Users/\(id)",
                [
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [["op": "replace", "path": "title", "value": "Night Manager"]],
                ])
            _ = try await Self.send(
                emulator, .post, "/Users",
                ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "intruder@acme.example"])
        }

        let run = try cli.run(["plan", path, "--drift-baseline", baseline, "--detailed-exitcode", "--output", "json"])
        #expect(run.status == 2, "\(run)")
        let report = try DriftReport.decode(Data(run.stdout.utf8))
        #expect(report.changed.map(\.address) == [#"corp.user["ben.okafor@acme.example"]"#])
        #expect(report.changed.first?.changes.first?.before == .string("Night Manager"))
        #expect(report.missing.isEmpty && report.orphaned.isEmpty)
        #expect(report.unmanaged.filter(\.new).map(\.name) == ["intruder@acme.example"])
        #expect(report.unmanaged.filter { !$0.new }.map(\.name).sorted() == ["Legacy Team", "it.admin@acme.example"])
        let text = try cli.run(["plan", path, "--drift-baseline", baseline])
        #expect(text.stdout.contains("Changed outside roster on managed objects (apply would change them back): 1"))
        #expect(text.stdout.contains("New unmanaged objects since the baseline (not in the manifests; left alone): 1"))
    }

    /// Opens the emulator's persisted state as another client would change it, then saves it.
    static func outsideRoster(state: String, _ body: (SCIMEmulator) async throws -> Void) async throws {
        var options = SCIMEmulatorOptions()
        options.baseURL = "https://corp.emulator.invalid"
        let emulator = try SCIMEmulator(options: options, stateDirectory: URL(fileURLWithPath: state))
        try await body(emulator)
        try await emulator.close()
    }

    /// One request with the emulator's token; the answer's JSON object.
    static func send(
        _ emulator: SCIMEmulator, _ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil
    ) async throws -> [String: Any] {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(emulator.options.token)"
        fields[.contentType] = "application/scim+json"
        let request = HTTPRequest(
            method: method, scheme: "https", authority: "corp.emulator.invalid", path: path, headerFields: fields)
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let response = await emulator.handle(request, body: data)
        #expect(response.head.status.code < 300, "\(method) \(path): \(String(decoding: response.body, as: UTF8.self))")
        return (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
    }
}
