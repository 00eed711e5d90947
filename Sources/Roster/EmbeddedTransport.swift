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
        let response = try await answer(request, body: body)
        return (response.head, response.body)
    }

    /// Hands over a body the emulator writes as it is read without collecting it first.
    func stream(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, StreamedBody) {
        let response = try await answer(request, body: body)
        guard let chunks = response.chunks else { return (response.head, StreamedBody(response.body)) }
        return (response.head, StreamedBody { chunks.makeIterator() })
    }

    private func answer(_ request: HTTPRequest, body: Data?) async throws -> EmulatorResponse {
        let response = await handler.handle(request, body: body ?? Data())
        if response.dropConnection {
            throw TransportError(.connectionLost, "the emulator committed the request and dropped the connection")
        }
        return response
    }
}
