import RosterEmulatorServer
import RosterEmulators
import Testing

/// Runs an `EmulatorServer` on 127.0.0.1 with one handler per name while `body` runs.
func withLoopbackEmulators(
    _ handlers: [String: any EmulatorHandler], _ body: (Int) async throws -> Void
) async throws {
    let server = try EmulatorServer(host: "127.0.0.1", port: 0, handlers: handlers)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let running = Task {
        try await server.run(handlingSignals: false) { port in continuation.yield(port) }
        continuation.finish()
    }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    do {
        try await body(port)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
    try await running.value
}
