public import Foundation
public import HTTPTypes

/// Sends one HTTP request.
///
/// Production uses async-http-client; tests and the embedded mode use an emulator in process. Middlewares (auth,
/// pacing, retry) wrap a transport and are transports themselves.
public protocol HTTPTransport: Sendable {
    /// Sends `request` with `body` and returns the response head and body.
    ///
    /// - Throws: `TransportError` when no response arrived (unreachable, timeout, connection lost).
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data)

    /// Sends `request` like `send`, handing the response body over in pieces as it is read: for answers too large
    /// to hold whole (Five9's `getUsersInfo` is about 5 KB per user). By default, `send`'s body as one piece.
    func stream(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, StreamedBody)
}

extension HTTPTransport {
    /// `send`'s body as one piece: for transports that have no way to hand a body over as it arrives.
    public func stream(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, StreamedBody) {
        let (head, data) = try await send(request, body: body)
        return (head, StreamedBody(data))
    }
}

/// No HTTP response arrived.
///
/// Whether the server acted on the request is unknown.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why no response arrived.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The host could not be reached (DNS, refused, TLS failure).
        case unreachable
        /// No answer in time.
        case timeout
        /// The connection closed before the response (the server may have committed the change).
        case connectionLost = "connection lost"
    }

    /// Why.
    public var kind: Kind
    /// Detail from the network layer; never contains credentials.
    public var message: String

    /// Creates a transport error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `connection lost: …`.
    public var description: String { "\(kind.rawValue): \(message)" }
}

extension HTTPRequest.Method {
    /// Whether repeating the request is harmless (RFC 9110 idempotent methods; PATCH with SCIM ops is treated as
    /// not idempotent for lost responses, but is safe to repeat after a 429 or 503 that did not process it).
    var isIdempotent: Bool { self == .get || self == .put || self == .delete || self == .head }
}
