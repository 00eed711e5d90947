import Foundation
import Roster
import RosterModel
import RosterTestSupport
import Testing

/// The SCIM provider over real HTTP against `roster emulator serve`'s server, on 127.0.0.1.
@Suite("Loopback emulator")
struct LoopbackTests {
    @Test func planApplyPlanConvergesOverHTTP() async throws {
        let service = try await EmulatorService(manifestPath: nil, host: "127.0.0.1", port: 0, stateDirectory: nil)
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let server = Task {
            try await service.run(handlingSignals: false) { endpoints in
                continuation.yield(endpoints.values.first ?? "")
            }
        }
        defer { server.cancel() }
        var iterator = urls.makeAsyncIterator()
        let url = try #require(await iterator.next())
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let path = try write(
            orgManifest(count: 12, endpoint: url, token: true), to: "roster.yaml", in: try temporaryDirectory())
        let workflow = Workflow(
            options: RosterOptions(manifestPath: path, environment: ["CORP_TOKEN": service.endpoints[0].token ?? ""]))
        #expect(try await workflow.plan().plan.steps.count == 25)
        #expect(try await workflow.apply(ApplyRequest()).converged)
        #expect(try await workflow.plan().plan.isEmpty)
        await service.stop()
    }

    @Test func refusesNonLoopbackAddresses() async {
        for host in ["0.0.0.0", "10.0.0.1", "192.168.1.10"] {
            await #expect(throws: RosterError.self) {
                _ = try await EmulatorService(manifestPath: nil, host: host, port: 0, stateDirectory: nil)
            }
        }
    }
}
