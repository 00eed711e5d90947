import Foundation
import HTTPTypes
import RosterEmulators
import RosterProviders

/// Sends requests to an in-process emulator: no socket, same bytes.
///
/// A response the emulator marks as lost becomes a connection error, exactly as a client would see it.
struct EmbeddedTransport: HTTPTransport {
    let handler: any EmulatorHandler

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let response = await handler.handle(request, body: body ?? Data())
        if response.dropConnection {
            throw TransportError(.connectionLost, "the emulator committed the request and dropped the connection")
        }
        return (response.head, response.body)
    }
}
