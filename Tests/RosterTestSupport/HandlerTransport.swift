public import Foundation
public import HTTPTypes
public import RosterEmulators
public import RosterProviders

/// Sends requests straight to an emulator handler in process; a response the emulator marks as lost becomes a
/// connection error.
public struct HandlerTransport: HTTPTransport {
    let handler: any EmulatorHandler

    /// Wraps a handler.
    public init(_ handler: any EmulatorHandler) { self.handler = handler }

    /// Answers from the handler.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let response = await handler.handle(request, body: body ?? Data())
        if response.dropConnection { throw TransportError(.connectionLost, "the emulator dropped the response") }
        return (response.head, response.body)
    }
}
