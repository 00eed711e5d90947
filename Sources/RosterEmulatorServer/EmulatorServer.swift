import Hummingbird
import Logging
import NIOCore
public import RosterEmulators
import ServiceLifecycle
import UnixSignals

/// Serves named emulators over HTTP/1.1 on a loopback address: `http://127.0.0.1:PORT/<name>/<rest>` reaches the
/// handler `<name>` with the path `/<rest>` (query kept).
///
/// ```swift
/// let server = try EmulatorServer(port: 0, handlers: ["scim": scim])
/// try await server.run { port in print("SCIM at http://127.0.0.1:\(port)/scim") }   // until SIGINT/SIGTERM
/// ```
///
/// A response marked `dropConnection` closes the connection without sending any HTTP response, as a server that
/// crashed after committing would.
public struct EmulatorServer: Sendable {
    /// The host as given.
    public let host: String
    /// The requested port; 0 picks a free one, reported to `run`'s `onListening`.
    public let port: Int
    /// The largest request body accepted, in bytes.
    public var maxBodySize = 8 * 1024 * 1024
    private let bindHost: String
    private let handlers: [String: any EmulatorHandler]
    private let control = ServerControl()

    /// Prepares a server.
    ///
    /// - Parameters:
    ///   - host: A loopback address: 127.0.0.0/8, `::1` or `localhost`.
    ///   - port: The port; 0 picks a free one.
    ///   - handlers: Emulators by name; a name is the first path segment, so it must be non-empty without `/`.
    /// - Throws: `EmulatorServerError` if the host is not loopback, the port is invalid or a name is unusable.
    public init(
        host: String = "127.0.0.1", port: Int = 0, handlers: [String: any EmulatorHandler]
    )
        throws(EmulatorServerError)
    {
        bindHost = try LoopbackHost.bindAddress(for: host)
        guard (0...65_535).contains(port) else {
            throw EmulatorServerError(.invalidPort, "port \(port) is outside 0...65535; use 0 to pick a free port")
        }
        for name in handlers.keys where name.isEmpty || name.contains("/") || name.contains("?") {
            throw EmulatorServerError(
                .invalidHandlerName, "emulator name '\(name)' must be non-empty and contain no '/' or '?'")
        }
        self.host = host
        self.port = port
        self.handlers = handlers
    }

    /// The names the server routes, sorted.
    public var handlerNames: [String] { handlers.keys.sorted() }

    /// Serves until SIGINT or SIGTERM (if `handlingSignals`), `stop()`, or cancellation of the calling task, then
    /// shuts down gracefully: in-flight requests finish, new connections are refused.
    ///
    /// - Parameters:
    ///   - handlingSignals: Shut down gracefully on SIGINT and SIGTERM (the CLI); tests pass false.
    ///   - onListening: Called once with the bound port when the server accepts connections.
    public func run(
        handlingSignals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    )
        async throws
    {
        var logger = Logger(label: "roster.emulator-server")
        logger.logLevel = .error
        let responder = EmulatorResponder(handlers: handlers, maxBodySize: maxBodySize)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(bindHost, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application],
                gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
                logger: logger))
        guard await control.attach(group) else { return }
        try await group.run()
    }

    /// Asks the server to shut down gracefully.
    ///
    /// A running `run` then returns; called before `run`, it makes `run` return at once.
    public func stop() async {
        await control.stop()
    }
}

/// Shared between copies of an `EmulatorServer`: the running service group, so that `stop()` can reach it.
private actor ServerControl {
    private var group: ServiceGroup?
    private var stopRequested = false

    /// Records the group; false if `stop()` came first.
    func attach(_ group: ServiceGroup) -> Bool {
        guard !stopRequested else { return false }
        self.group = group
        return true
    }

    func stop() async {
        stopRequested = true
        await group?.triggerGracefulShutdown()
    }
}
