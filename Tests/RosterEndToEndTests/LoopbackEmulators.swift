import RosterEmulatorServer
import RosterEmulators
import Testing

/// Runs an `EmulatorServer` on 127.0.0.1 and a free port with one handler per name while `body` runs (given the
/// port and the server), then stops it, also when `body` throws.
func withLoopbackServer(
    _ handlers: [String: any EmulatorHandler], _ body: (Int, EmulatorServer) async throws -> Void
) async throws {
    let server = try EmulatorServer(host: "127.0.0.1", port: 0, handlers: handlers)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let running = Task {
        try await server.run(handlingSignals: false) { port in continuation.yield(port) }
        continuation.finish()
    }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    #expect(port > 0)
    do {
        try await body(port, server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
    try await running.value
}

/// Runs an `EmulatorServer` on 127.0.0.1 with one handler per name while `body` runs.
func withLoopbackEmulators(
    _ handlers: [String: any EmulatorHandler], _ body: (Int) async throws -> Void
) async throws {
    try await withLoopbackServer(handlers) { port, _ in try await body(port) }
}
