import AsyncHTTPClient
public import Foundation
public import HTTPTypes
import NIOCore
import NIOHTTP1
public import RosterProviders

/// The production transport: async-http-client with TLS verification on (the library default) and a timeout.
///
/// The only module that touches the network library.
public final class AsyncHTTPTransport: HTTPTransport {
    let client: HTTPClient
    let timeout: TimeAmount

    /// Creates a transport with its own HTTP client; call `shutdown()` when done.
    ///
    /// - Parameter timeoutSeconds: Per-request deadline; a request that exceeds it fails as `.timeout`.
    public init(timeoutSeconds: Int64 = 60, maxConnectionsPerHost: Int = 8) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = maxConnectionsPerHost
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(min(5, timeoutSeconds))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = .seconds(timeoutSeconds)
    }

    /// Shuts the client down.
    public func shutdown() async throws { try await client.shutdown() }

    /// Sends one request.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        try await mappingErrors {
            let (head, response) = try await execute(request, body: body)
            let buffer = try await response.body.collect(upTo: Self.maxWholeBody)
            return (head, Data(buffer.readableBytesView))
        }
    }

    /// Sends one request and hands its body over as it arrives, a few pieces ahead of the reader, however large
    /// it is.
    public func stream(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, StreamedBody) {
        try await mappingErrors {
            let (head, response) = try await execute(request, body: body)
            let pipe = BodyPipe()
            Task {
                do {
                    for try await buffer in response.body { await pipe.put(Data(buffer.readableBytesView)) }
                    pipe.end(nil)
                } catch let error as HTTPClientError {
                    pipe.end(Self.map(error))
                } catch {
                    pipe.end(TransportError(.connectionLost, "the answer broke off: \(error)"))
                }
            }
            return (head, pipe.body)
        }
    }

    /// The largest body `send` collects whole: 256 MB.
    static let maxWholeBody = 256 * 1024 * 1024

    private func execute(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, HTTPClientResponse) {
        var outbound = HTTPClientRequest(
            url: "\(request.scheme ?? "https")://\(request.authority ?? "")\(request.path ?? "/")")
        outbound.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields { outbound.headers.add(name: field.name.rawName, value: field.value) }
        if let body { outbound.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(outbound, timeout: timeout)
        var head = HTTPResponse(
            status: .init(code: Int(response.status.code), reasonPhrase: response.status.reasonPhrase))
        for header in response.headers {
            if let name = HTTPField.Name(header.name) {
                head.headerFields.append(HTTPField(name: name, value: header.value))
            }
        }
        return (head, response)
    }

    private func mappingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as HTTPClientError {
            throw Self.map(error)
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(.unreachable, String(describing: type(of: error)) + ": \(error)")
        }
    }

    static func map(_ error: HTTPClientError) -> TransportError {
        switch error {
        case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: TransportError(.timeout, "\(error)")
        case .remoteConnectionClosed, .cancelled: TransportError(.connectionLost, "\(error)")
        default: TransportError(.unreachable, "\(error)")
        }
    }
}
