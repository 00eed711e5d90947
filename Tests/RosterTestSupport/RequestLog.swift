public import Foundation
public import HTTPTypes
public import RosterEmulators
import Synchronization

/// Wraps an emulator and records every request it answers (method, path with query, body), so tests can count
/// exactly what a client sent.
public final class RequestLog: EmulatorHandler {
    /// One request.
    public struct Entry: Sendable, CustomStringConvertible {
        /// The method.
        public var method: HTTPRequest.Method
        /// The path with its query, percent-decoded (`/Users?filter=userName eq "ana"`).
        public var path: String
        /// The body as text.
        public var body: String

        /// Whether the request is a read.
        public var isRead: Bool { method == .get }

        /// `GET /Users?…`.
        public var description: String { "\(method) \(path)" }
    }

    let inner: any EmulatorHandler
    private let entries = Mutex<[Entry]>([])

    /// Wraps `inner`.
    public init(_ inner: any EmulatorHandler) { self.inner = inner }

    /// Records the request, then answers it from the wrapped emulator.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        let path = request.path ?? ""
        let entry = Entry(
            method: request.method, path: path.removingPercentEncoding ?? path,
            body: String(decoding: body, as: UTF8.self))
        entries.withLock { $0.append(entry) }
        return await inner.handle(request, body: body)
    }

    /// Every request so far, in arrival order.
    public var all: [Entry] { entries.withLock { $0 } }

    /// Forgets what was recorded.
    public func clear() { entries.withLock { $0 = [] } }

    /// The requests before the first write (everything a run read before changing anything).
    public var readsBeforeFirstWrite: [Entry] { Array(all.prefix { $0.isRead }) }
}
