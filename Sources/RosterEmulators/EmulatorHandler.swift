public import Foundation
public import HTTPTypes

/// Anything that answers HTTP requests like a vendor service does: in process (no socket) or behind the
/// loopback server.
///
/// Written from the vendor notes only; never imports roster's client code.
public protocol EmulatorHandler: Sendable {
    /// Answers one request. The request's `path` is relative to the emulator's base (e.g. `/Users?count=10`).
    ///
    /// A response whose `EmulatorResponse.dropConnection` is set was committed but must not reach the client
    /// ("commit then lose the response"): transports turn it into a connection error.
    func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse
}

/// An emulator's answer.
public struct EmulatorResponse: Sendable {
    /// Status line and headers.
    public var head: HTTPResponse
    /// The change was committed but the client must see a dropped connection instead of this answer.
    public var dropConnection: Bool
    /// The body when it is written as it is read; nil when `body` holds it whole.
    public private(set) var chunks: ChunkedBody?
    private var wholeBody: Data

    /// The body, whole (a chunked body is collected: read `chunks` to stream it).
    public var body: Data {
        get { chunks?.collected() ?? wholeBody }
        set {
            wholeBody = newValue
            chunks = nil
        }
    }

    /// Creates a response.
    public init(head: HTTPResponse, body: Data = Data(), dropConnection: Bool = false) {
        self.head = head
        self.wholeBody = body
        self.dropConnection = dropConnection
    }

    /// Creates a response whose body is written as it is read.
    public init(head: HTTPResponse, chunks: ChunkedBody) {
        self.head = head
        self.wholeBody = Data()
        self.chunks = chunks
        self.dropConnection = false
    }
}
