import Foundation
import RosterEmulatorServer
import RosterEmulators
import RosterHTTPClient
import RosterProviders

/// Reads over loopback: a generic SCIM emulator holding `people` users served on 127.0.0.1, listed by roster's
/// `SCIMClient` through `AsyncHTTPTransport` (sequentially and with the generic dialect's 4 pages in flight) and by
/// the reference client (`scripts/bench-reference.py`), all with the same page size.
struct ReadMeasurement: Codable {
    var people: Int
    var pageSize: Int
    var rosterSeconds: Double
    var rosterSequentialSeconds: Double
    var referenceSeconds: Double?
    var referenceError: String?

    var rosterReadsPerSecond: Double { Double(people) / rosterSeconds }
    var referenceReadsPerSecond: Double? { referenceSeconds.map { Double(people) / $0 } }
    /// roster's time over the reference client's (≤ 1.2 is the target).
    var ratio: Double? { referenceSeconds.map { rosterSeconds / $0 } }
    var sequentialRatio: Double? { referenceSeconds.map { rosterSequentialSeconds / $0 } }

    static func run(people: Int, pageSize: Int, python: String) async throws -> ReadMeasurement {
        var options = SCIMEmulatorOptions()
        options.maxPageSize = max(pageSize, 100)
        let org = SyntheticOrg(people: people * 10 / 9 + 1)
        let seed = try SCIMSeed(json: try SyntheticSeeds(org: org).generic(), source: "bench")
        let emulator = try SCIMEmulator(options: options, seed: seed, stateDirectory: nil)
        let server = try EmulatorServer(host: "127.0.0.1", port: 0, handlers: ["scim": emulator])
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let serving = Task { try await server.run(handlingSignals: false) { continuation.yield($0) } }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw BenchError("the loopback server did not start") }
        let url = "http://127.0.0.1:\(port)/scim"
        let total = org.existing.count + org.leavers
        let concurrent = try await timeRoster(url: url, token: options.token, pageSize: pageSize, concurrency: 4)
        let sequential = try await timeRoster(url: url, token: options.token, pageSize: pageSize, concurrency: 1)
        for (count, _) in [concurrent, sequential] where count != total {
            throw BenchError("roster listed \(count) users, the emulator holds \(total)")
        }
        var result = ReadMeasurement(
            people: total, pageSize: pageSize, rosterSeconds: concurrent.seconds,
            rosterSequentialSeconds: sequential.seconds)
        do {
            result.referenceSeconds = try Reference.run(
                python: python, url: url, token: options.token, pageSize: pageSize, expected: total)
        } catch {
            result.referenceError = "\(error)"
        }
        await server.stop()
        return result
    }

    /// Lists every user once (after an untimed warm-up page) and returns how many and how long.
    static func timeRoster(
        url: String, token: String, pageSize: Int, concurrency: Int
    ) async throws -> (count: Int, seconds: Double) {
        guard let endpoint = SCIMEndpoint(url: url) else { throw BenchError("bad loopback URL \(url)") }
        let network = AsyncHTTPTransport()
        let client = SCIMClient(
            provider: "bench", endpoint: endpoint,
            transport: BearerTransport(network, tokens: StaticToken(Credential(token))),
            pageSize: pageSize, readConcurrency: concurrency)
        do {
            _ = try await client.get("/Users?count=1")
            let start = ContinuousClock.now
            let users = try await client.list("Users")
            let seconds = (ContinuousClock.now - start).benchSeconds
            try await network.shutdown()
            return (users.count, seconds)
        } catch {
            try? await network.shutdown()
            throw error
        }
    }
}
