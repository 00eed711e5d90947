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
        environment["FIVE9_SCIM_TOKEN"] = "five9-scim-token"
        return environment
    }

    /// A manifest with each provider's emulator endpoint replaced by its served URL (and the login host for OAuth
    /// vendors), and emulator seeds dropped: what a manifest for the real services looks like.
    static func remote(_ manifest: String, endpoints: [String: (url: String, tokenEndpoint: String?)]) -> String {
        var provider: String?
        return manifest.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                provider = String(line.dropFirst(2).dropLast())
            }
            if line.contains("emulator: { seed:") { return nil }
            guard line.contains("endpoint: \"emulator:\""), let provider, let target = endpoints[provider] else {
                return String(line)
            }
            var replaced = "    endpoint: \(target.url)"
            if let tokenEndpoint = target.tokenEndpoint { replaced += "\n    tokenEndpoint: \(tokenEndpoint)" }
            return replaced
        }.joined(separator: "\n")
    }

    /// Serves the emulators of the example's providers and writes the example again pointing at them; returns the
    /// new manifest folder, the environment with their credentials, and the service to stop.
    static func served(
        _ example: String, manifest file: String
    ) async throws -> (
        path: String, environment: [String: String], service: EmulatorService, server: Task<Void, any Error>
    ) {
        let served = try ExampleTests.copy(example)
        let service = try await EmulatorService(manifestPath: served, host: "127.0.0.1", port: 0, stateDirectory: nil)
        let (stream, continuation) = AsyncStream.makeStream(of: [EmulatorService.Endpoint: String].self)
        let server = Task { try await service.run(handlingSignals: false) { continuation.yield($0) } }
        var iterator = stream.makeAsyncIterator()
        let urls = try #require(await iterator.next())
        var endpoints: [String: (url: String, tokenEndpoint: String?)] = [:]
        var environment = Self.environment(token: nil)
        for endpoint in service.endpoints {
            let url = try #require(urls[endpoint])
            #expect(url.hasPrefix("http://127.0.0.1:"))
            let root = String(url.prefix { $0 != "/" }) + "//" + url.dropFirst(7).prefix { $0 != "/" }
            endpoints[endpoint.name] = (url, endpoint.loginName.map { "\(root)/\($0)/oauth/token" })
            if let token = endpoint.token {
                let variable = ["webex": "WEBEX_TOKEN", "x8": "X8_TOKEN", "intranet": "INTRANET_SCIM_TOKEN"]
                environment[variable[endpoint.name] ?? "\(endpoint.name.uppercased())_TOKEN"] = token
            }
        }
        let text = try String(contentsOfFile: "\(served)/\(file)", encoding: .utf8)
        let directory = try ExampleTests.copy(example)
        let path = try write(Self.remote(text, endpoints: endpoints), to: file, in: directory)
        return (file == "roster.yaml" ? path : directory, environment, service, server)
    }

    @Test(arguments: ["five9", "genesys", "webex", "talkdesk", "8x8"])
    func vendorExampleConvergesOverHTTP(_ example: String) async throws {
        let (path, environment, service, server) = try await Self.served(example, manifest: "roster.yaml")
        defer { server.cancel() }
        try await Self.convergesOverHTTP(path, environment: environment)
        await service.stop()
    }

    /// Five9 paces skill changes seconds apart, so this takes about a minute.
    @Test func contactCenterConvergesOverHTTPOnAllSixProviders() async throws {
        let (path, environment, service, server) = try await Self.served("contact-center", manifest: "providers.yaml")
        defer { server.cancel() }
        #expect(service.endpoints.count == 6)
        try await Self.convergesOverHTTP(path, environment: environment)
        await service.stop()
    }

    static func convergesOverHTTP(_ path: String, environment: [String: String]) async throws {
        let workflow = Workflow(options: RosterOptions(manifestPath: path, environment: environment))
        #expect(workflow.validate().diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(try await !workflow.plan().plan.isEmpty)
        let report = try await workflow.apply(ApplyRequest())
        #expect(report.converged, "\(report.outcomes.filter { $0.status == .failed })")
        #expect(try await workflow.plan().plan.steps.filter { $0.action != .manual }.isEmpty)
    }
}
