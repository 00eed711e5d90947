import Foundation
import Roster
import RosterManifest
import RosterModel
import RosterTestSupport
import Testing

/// Each vendor example over real HTTP on 127.0.0.1: `roster emulator serve`'s server runs the vendor's emulator (and
/// its login host), and the manifest points at it as it would at the real service.
@Suite("Vendor examples over loopback", .serialized)
struct VendorLoopbackTests {
    /// The credentials every vendor example reads from the environment, as the emulators accept them.
    static func environment(token: String?) -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["GENESYS", "TALKDESK"] {
            environment["\(name)_CLIENT_ID"] = "roster"
            environment["\(name)_CLIENT_SECRET"] = "roster-secret"
        }
        for name in ["WEBEX_TOKEN", "X8_TOKEN"] { environment[name] = token ?? "" }
        environment["FIVE9_ADMIN_USER"] = "admin"
        environment["FIVE9_ADMIN_PASSWORD"] = "admin-password"
        return environment
    }

    /// The example's manifest with the emulator endpoint replaced by `url` (and the login host for OAuth vendors).
    static func remote(_ manifest: String, url: String, tokenEndpoint: String?) -> String {
        manifest.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            if line.contains("emulator: { seed:") { return nil }
            guard line.contains("endpoint: \"emulator:\"") else { return String(line) }
            var replaced = "    endpoint: \(url)"
            if let tokenEndpoint { replaced += "\n    tokenEndpoint: \(tokenEndpoint)" }
            return replaced
        }.joined(separator: "\n")
    }

    @Test(arguments: ["five9", "genesys", "webex", "talkdesk", "8x8"])
    func vendorExampleConvergesOverHTTP(_ example: String) async throws {
        let served = try ExampleTests.copy(example)
        let service = try await EmulatorService(manifestPath: served, host: "127.0.0.1", port: 0, stateDirectory: nil)
        let (stream, continuation) = AsyncStream.makeStream(of: [EmulatorService.Endpoint: String].self)
        let server = Task { try await service.run(handlingSignals: false) { continuation.yield($0) } }
        defer { server.cancel() }
        var iterator = stream.makeAsyncIterator()
        let urls = try #require(await iterator.next())
        let endpoint = try #require(service.endpoints.first)
        let url = try #require(urls[endpoint])
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let root = String(url.prefix { $0 != "/" }) + "//" + url.dropFirst(7).prefix { $0 != "/" }
        let tokenEndpoint = endpoint.loginName.map { "\(root)/\($0)/oauth/token" }
        let text = try String(contentsOfFile: "\(served)/roster.yaml", encoding: .utf8)
        let directory = try ExampleTests.copy(example)
        let path = try write(
            Self.remote(text, url: url, tokenEndpoint: tokenEndpoint), to: "roster.yaml", in: directory)
        let workflow = Workflow(
            options: RosterOptions(manifestPath: path, environment: Self.environment(token: endpoint.token)))
        #expect(workflow.validate().diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(try await !workflow.plan().plan.isEmpty)
        let report = try await workflow.apply(ApplyRequest())
        #expect(report.converged, "\(report.outcomes.filter { $0.status == .failed })")
        #expect(try await workflow.plan().plan.steps.filter { $0.action != .manual }.isEmpty)
        await service.stop()
    }
}
