import Foundation
import HTTPTypes
import RosterModel
import RosterProviders
import RosterTestSupport
import Synchronization
import Testing

@Suite("SCIM client")
struct SCIMClientTests {
    static let endpoint = SCIMEndpoint(scheme: "https", authority: "scim.test", pathPrefix: "/scim/v2")

    static func users(_ count: Int) -> [JSONValue] { (1...count).map { scimUser("id\($0)", "user\($0)@acme.example") } }

    /// A server holding `all` that answers at most 50 a page, whatever `count` asks.
    static func clampingAt50(_ all: [JSONValue]) -> ScriptedTransport {
        ScriptedTransport { request in
            let start = Int(queryValue(request.path, "startIndex") ?? "1")!
            let page = Array(all[(start - 1)..<min(all.count, start - 1 + 50)])
            return (200, listResponse(page, total: all.count, startIndex: start), [:])
        }
    }

    @Test func followsAServerThatClampsThePageSize() async throws {
        let transport = Self.clampingAt50(Self.users(250))
        let client = SCIMClient(provider: "corp", endpoint: Self.endpoint, transport: transport, pageSize: 100)
        let listed = try await client.list("Users")
        #expect(listed.count == 250)
        #expect(Set(listed.compactMap { $0["id"]?.string }).count == 250)
        #expect(transport.requests.count == 5)
    }

    @Test func tellsTheReadsObserverHowFarTheListingGot() async throws {
        let transport = Self.clampingAt50(Self.users(250))
        let client = SCIMClient(
            provider: "corp", endpoint: Self.endpoint, transport: transport, pageSize: 50, readConcurrency: 2)
        let reports = Mutex<[ReadProgress]>([])
        let context = StepContext(readObserver: { report in reports.withLock { $0.append(report) } })
        _ = try await RequestContext.$current.withValue(context) { try await client.list("Users") }
        let seen = reports.withLock { $0 }
        #expect(seen.map(\.read) == [50, 150, 250])
        #expect(seen.allSatisfy { $0.provider == "corp" && $0.kind == "users" && $0.total == 250 })
        _ = try await client.list("Users")
        #expect(reports.withLock { $0.count } == 3)
        // A filtered list is a lookup, not a listing: nothing to report.
        _ = try await RequestContext.$current.withValue(context) {
            try await client.list("Users", filter: "active eq false")
        }
        #expect(reports.withLock { $0.count } == 3)
    }

    /// Pages that shift under a concurrent create repeat a resource; the mapped list holds it once, in page order,
    /// and leaves out what the transform drops.
    @Test func mapsEachPageAsItArrivesWithoutDuplicates() async throws {
        let all = Self.users(250)
        let transport = ScriptedTransport { request in
            let start = Int(queryValue(request.path, "startIndex") ?? "1")!
            // Every page after the first starts one early: the last user of the page before comes again.
            let from = start == 1 ? 0 : start - 2
            let page = Array(all[from..<min(all.count, start - 1 + 100)])
            return (200, listResponse(page, total: all.count, startIndex: start), [:])
        }
        let client = SCIMClient(provider: "corp", endpoint: Self.endpoint, transport: transport, pageSize: 100)
        let names = try await client.list("Users") { json -> String? in
            guard let name = json["userName"]?.string, name != "user7@acme.example" else { return nil }
            return name
        }
        #expect(names == (1...250).filter { $0 != 7 }.map { "user\($0)@acme.example" })
    }

    @Test func copesWithAServerThatIgnoresCount() async throws {
        let all = Self.users(120)
        let transport = ScriptedTransport { _ in (200, listResponse(all), [:]) }
        let client = SCIMClient(provider: "corp", endpoint: Self.endpoint, transport: transport, pageSize: 10)
        #expect(try await client.list("Users").count == 120)
        #expect(transport.requests.count == 1)
    }

    @Test func malformedJSONNamesTheProvider() async throws {
        let transport = ScriptedTransport { _ in (200, .string("<html>gateway</html>"), [:]) }
        let client = SCIMClient(provider: "corp", endpoint: Self.endpoint, transport: transport)
        let error = await #expect(throws: ProviderError.self) { try await client.list("Users") }
        #expect(error?.kind == .malformed)
        #expect(error?.description.hasPrefix("corp: GET /Users answered without a SCIM ListResponse") == true)
    }

    @Test func unauthorizedSaysWhatToCheck() async throws {
        let transport = ScriptedTransport { _ in
            (401, .object(["status": .string("401"), "detail": .string("Invalid token")]), [:])
        }
        let client = SCIMClient(provider: "corp", endpoint: Self.endpoint, transport: transport)
        let error = await #expect(throws: ProviderError.self) { try await client.get("/Users/x") }
        #expect(error?.kind == .unauthorized)
        #expect(error?.message.contains("answered 401: Invalid token (the credentials were rejected") == true)
    }

    @Test func staleVersionIsStaleWhether412OrInvalidVers() {
        #expect(SCIMErrorMapperProbe.kind(412, nil) == .stale)
        #expect(SCIMErrorMapperProbe.kind(400, "invalidVers") == .stale)
        #expect(SCIMErrorMapperProbe.kind(409, "uniqueness") == .permanent)
    }
}

/// Reaches the error mapping through a real request, so the test does not depend on internals.
enum SCIMErrorMapperProbe {
    static func kind(_ status: Int, _ scimType: String?) -> ProviderError.Kind? {
        let semaphore = DispatchSemaphore(value: 0)
        let result = Mutex<ProviderError.Kind?>(nil)
        Task {
            let transport = ScriptedTransport { _ in
                var body: [String: JSONValue] = ["status": .string(String(status))]
                if let scimType { body["scimType"] = .string(scimType) }
                return (status, .object(body), [:])
            }
            let client = SCIMClient(provider: "corp", endpoint: SCIMClientTests.endpoint, transport: transport)
            do { _ = try await client.get("/Users/x") } catch let error as ProviderError {
                result.withLock { $0 = error.kind }
            } catch {}
            semaphore.signal()
        }
        semaphore.wait()
        return result.withLock { $0 }
    }
}
