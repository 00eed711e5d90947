import Foundation
import HTTPTypes
import RosterEmulatorServer
import RosterEmulators
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Starts an `EmulatorServer` on 127.0.0.1 and a free port, runs `body` with its base URL, then stops it.
private func withServer(
    _ handlers: [String: any EmulatorHandler], _ body: (URL, EmulatorServer) async throws -> Void
) async throws {
    try await withLoopbackServer(handlers) { port, server in
        try await body(try #require(URL(string: "http://127.0.0.1:\(port)")), server)
    }
}

/// A session that never caches and never uses a proxy; requests go to 127.0.0.1 only.
private let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.connectionProxyDictionary = [:]
    configuration.timeoutIntervalForRequest = 30
    return URLSession(configuration: configuration)
}()

private func send(
    _ method: String, _ url: URL, token: String? = SCIMEmulatorOptions().token, json: String? = nil
) async throws -> (status: Int, headers: [AnyHashable: Any], body: [String: Any]) {
    var request = URLRequest(url: url)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    if let json {
        request.httpBody = Data(json.utf8)
        request.setValue("application/scim+json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await session.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    return (http.statusCode, http.allHeaderFields, body)
}

@Suite("Emulator server over loopback HTTP")
struct EmulatorServerTests {
    @Test func createAndListAUserOverHTTP() async throws {
        let scim = try SCIMEmulator()
        try await withServer(["scim": scim]) { base, _ in
            let created = try await send(
                "POST", base.appendingPathComponent("scim/Users"), json: #"{"userName":"ana@example.com"}"#)
            #expect(created.status == 201)
            let id = try #require(created.body["id"] as? String)
            let location = created.headers["Location"] as? String
            #expect(location == "\(base.absoluteString)/scim/Users/\(id)")
            var components = try #require(
                URLComponents(url: base.appendingPathComponent("scim/Users"), resolvingAgainstBaseURL: false))
            components.queryItems = [URLQueryItem(name: "filter", value: #"userName eq "ana@example.com""#)]
            let listed = try await send("GET", try #require(components.url))
            #expect(listed.status == 200)
            #expect(listed.body["totalResults"] as? Int == 1)
            let resources = listed.body["Resources"] as? [[String: Any]]
            #expect(resources?.first?["userName"] as? String == "ana@example.com")
        }
    }

    @Test func aBodyWrittenAsItIsReadGoesOutInChunks() async throws {
        let pieces = (0..<64).map { Data(repeating: UInt8(ascii: "a") + UInt8($0 % 26), count: 10_000) }
        try await withServer(["pieces": PiecesHandler(pieces: pieces)]) { base, _ in
            let (data, response) = try await session.data(from: base.appendingPathComponent("pieces/all"))
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "Content-Length") == nil)
            #expect(http.value(forHTTPHeaderField: "Transfer-Encoding")?.lowercased() == "chunked")
            #expect(data == pieces.reduce(into: Data()) { $0.append($1) })
        }
    }

    @Test func missingTokenIs401() async throws {
        try await withServer(["scim": try SCIMEmulator()]) { base, _ in
            let response = try await send("GET", base.appendingPathComponent("scim/Users"), token: nil)
            #expect(response.status == 401)
            #expect(response.body["status"] as? String == "401")
            #expect((response.headers["Www-Authenticate"] ?? response.headers["WWW-Authenticate"]) != nil)
        }
    }

    @Test func routesByNameAnd404sUnknownNames() async throws {
        var other = SCIMEmulatorOptions()
        other.token = "other-token"
        try await withServer(["a": try SCIMEmulator(), "b": try SCIMEmulator(options: other)]) { base, server in
            #expect(server.handlerNames == ["a", "b"])
            #expect(try await send("GET", base.appendingPathComponent("a/ServiceProviderConfig")).status == 200)
            #expect(try await send("GET", base.appendingPathComponent("b/Users")).status == 401)
            #expect(try await send("GET", base.appendingPathComponent("b/Users"), token: "other-token").status == 200)
            let unknown = try await send("GET", base.appendingPathComponent("c/Users"))
            #expect(unknown.status == 404)
            #expect((unknown.body["detail"] as? String)?.contains("/a/, /b/") == true)
        }
    }

    @Test func droppedResponsesCloseTheConnectionAfterCommitting() async throws {
        let scim = try SCIMEmulator(faults: [.dropResponse(times: 1)])
        try await withServer(["scim": scim]) { base, _ in
            await #expect(throws: (any Error).self) {
                _ = try await send("POST", base.appendingPathComponent("scim/Users"), json: #"{"userName":"lost@x"}"#)
            }
            let listed = try await send("GET", base.appendingPathComponent("scim/Users"))
            #expect(listed.body["totalResults"] as? Int == 1)
        }
        #expect(await scim.stats.droppedResponses == 1)
    }

    @Test func stopBeforeRunReturnsAtOnce() async throws {
        let server = try EmulatorServer(handlers: [:])
        await server.stop()
        try await server.run(handlingSignals: false) { _ in Issue.record("must not start") }
    }

    @Test(arguments: ["0.0.0.0", "10.0.0.1", "192.168.1.1", "::", "example.com", "127.0.0.1.nip.io", "", "128.0.0.1"])
    func refusesHostsThatAreNotLoopback(_ host: String) {
        let error = #expect(throws: EmulatorServerError.self) { try EmulatorServer(host: host, handlers: [:]) }
        #expect(error?.kind == .hostNotLoopback)
        #expect(error?.description.contains("only loopback") == true)
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"])
    func acceptsLoopbackHosts(_ host: String) throws {
        _ = try EmulatorServer(host: host, handlers: [:])
    }

    @Test func refusesBadNamesAndPorts() {
        #expect(throws: EmulatorServerError.self) { try EmulatorServer(handlers: ["a/b": try SCIMEmulator()]) }
        #expect(throws: EmulatorServerError.self) { try EmulatorServer(handlers: ["": try SCIMEmulator()]) }
        #expect(throws: EmulatorServerError.self) { try EmulatorServer(port: 70_000, handlers: [:]) }
    }
}

/// Answers every request with `pieces`, written as they are read.
private struct PiecesHandler: EmulatorHandler {
    let pieces: [Data]

    func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        EmulatorResponse(head: HTTPResponse(status: .ok), chunks: ChunkedBody { AnyIterator(pieces.makeIterator()) })
    }
}
