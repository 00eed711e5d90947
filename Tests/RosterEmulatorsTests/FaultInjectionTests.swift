import Clocks
import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Fault injection and rate limits")
struct FaultInjectionTests {
    @Test func statusFaultForTheNextNRequestsWithRetryAfter() async throws {
        let client = try SCIMTestClient(faults: [.status(429, retryAfter: 0, times: 2)])
        let first = await client.get("/Users")
        #expect(first.status == 429)
        #expect(first.headers[.retryAfter] == "0")
        #expect(first["schemas"] == [.string(SCIMURN.error)])
        #expect(await client.get("/Users").status == 429)
        #expect(await client.get("/Users").status == 200)
        let stats = await client.emulator.stats
        #expect(stats.tooManyRequestsSent == 2)
        #expect(stats.injectedFaults == 2)
        #expect(stats.requests(.get) == 3)
        #expect(await client.emulator.activeFaults.isEmpty)
    }

    @Test(arguments: [500, 502, 503])
    func serverErrorsDoNotTouchTheState(_ code: Int) async throws {
        let client = try SCIMTestClient(faults: [.status(code, times: 1, method: .post)])
        let refused = await client.post("/Users", #"{"userName":"a"}"#)
        #expect(refused.status == code)
        #expect(refused.headers[.retryAfter] == nil)
        #expect(await client.get("/Users").totalResults == 0)
        #expect(await client.post("/Users", #"{"userName":"a"}"#).status == 201)
        #expect(await client.emulator.stats.writesApplied == 1)
    }

    @Test func rulesMatchByMethodAndPathPrefix() async throws {
        let client = try SCIMTestClient(faults: [
            FaultRule(.status(503, retryAfter: 5), trigger: .always, method: .get, pathPrefix: "/groups")
        ])
        #expect(await client.get("/Users").status == 200)
        #expect(await client.post("/Groups", #"{"displayName":"G"}"#).status == 201)
        let refused = await client.get("/Groups?count=1")
        #expect(refused.status == 503)
        #expect(refused.headers[.retryAfter] == "5")
    }

    @Test func everyKthRequest() async throws {
        let client = try SCIMTestClient(faults: [FaultRule(.status(502, retryAfter: nil), trigger: .everyNth(3))])
        var statuses: [Int] = []
        for _ in 1...7 { statuses.append(await client.get("/Users").status) }
        #expect(statuses == [200, 200, 502, 200, 200, 502, 200])
    }

    @Test func probabilityIsReproducibleFromTheSeed() async throws {
        func run(seed: UInt64) async throws -> [Int] {
            var options = SCIMEmulatorOptions()
            options.randomSeed = seed
            let client = try SCIMTestClient(
                options: options, faults: [FaultRule(.status(500, retryAfter: nil), trigger: .probability(0.5))])
            var statuses: [Int] = []
            for _ in 1...40 { statuses.append(await client.get("/Users").status) }
            return statuses
        }
        let first = try await run(seed: 7)
        #expect(try await run(seed: 7) == first)
        #expect(try await run(seed: 8) != first)
        let failures = first.filter { $0 == 500 }.count
        #expect((8...32).contains(failures))
        let never = try SCIMTestClient(faults: [FaultRule(.status(500, retryAfter: nil), trigger: .probability(0))])
        #expect(await never.get("/Users").status == 200)
    }

    @Test func dropResponseAfterCommit() async throws {
        let client = try SCIMTestClient(faults: [.dropResponse(times: 1, method: .post)])
        let lost = await client.post("/Users", #"{"userName":"ana@x"}"#)
        #expect(lost.dropConnection)
        #expect(lost.status == 201)
        let listed = await client.get(listPath("/Users", filter: #"userName eq "ana@x""#))
        #expect(listed.totalResults == 1)
        #expect(listed.dropConnection == false)
        let retry = await client.post("/Users", #"{"userName":"ana@x"}"#)
        #expect(retry.status == 409)
        #expect(retry.dropConnection == false)
        let stats = await client.emulator.stats
        #expect(stats.droppedResponses == 1)
        #expect(stats.writesApplied == 1)
    }

    @Test func aStatusFaultWinsOverADropAndLaterRulesDoNotCount() async throws {
        let client = try SCIMTestClient(faults: [.status(503, times: 1), .dropResponse(times: 1)])
        let first = await client.post("/Users", #"{"userName":"a"}"#)
        #expect(first.status == 503)
        #expect(first.dropConnection == false)
        let second = await client.post("/Users", #"{"userName":"a"}"#)
        #expect(second.status == 201)
        #expect(second.dropConnection)
    }

    @Test func faultsCanBeInjectedAndClearedAtRunTime() async throws {
        let client = try SCIMTestClient()
        await client.emulator.inject(FaultRule(.status(500, retryAfter: nil)))
        #expect(await client.get("/Users").status == 500)
        await client.emulator.clearFaults()
        #expect(await client.get("/Users").status == 200)
    }

    @Test func latencyWaitsOnTheInjectedClock() async throws {
        let clock = TestClock()
        let emulator = try SCIMEmulator(faults: [.latency(.seconds(2), method: .get)], clock: clock, now: fixedNow)
        let client = SCIMTestClient(emulator)
        let task = Task { await client.get("/Users") }
        try await waitUntilSleeping(clock)
        await clock.advance(by: .milliseconds(1_999))
        await #expect(throws: (any Error).self) { try await clock.checkSuspension() }
        await clock.advance(by: .milliseconds(1))
        #expect(await task.value.status == 200)
        #expect(await client.post("/Users", #"{"userName":"a"}"#).status == 201)
    }

    /// Waits until something sleeps on `clock` (bounded, so a missing sleep fails instead of hanging).
    private func waitUntilSleeping(_ clock: TestClock<Duration>) async throws {
        for _ in 1...1_000 {
            do {
                try await clock.checkSuspension()
            } catch {
                return
            }
        }
        Issue.record("nothing ever slept on the clock")
    }

    @Test func latenciesAddUp() {
        var injector = FaultInjector(
            rules: [.latency(.seconds(1)), .latency(.milliseconds(250), pathPrefix: "/Users")], seed: 1)
        #expect(injector.decide(method: .get, path: "/Users").latency == .milliseconds(1_250))
        #expect(injector.decide(method: .get, path: "/Groups").latency == .seconds(1))
    }

    @Test func rateLimitAnswers429WithRetryAfterInASlidingWindow() async throws {
        let clock = TestClock()
        var options = SCIMEmulatorOptions()
        options.requestsPerSecond = 4
        let client = SCIMTestClient(try SCIMEmulator(options: options, clock: clock, now: fixedNow))
        for _ in 1...4 { #expect(await client.get("/Users").status == 200) }
        let limited = await client.get("/Users")
        #expect(limited.status == 429)
        #expect(limited.headers[.retryAfter] == "1")
        await clock.advance(by: .milliseconds(600))
        #expect(await client.get("/Users").status == 429)
        await clock.advance(by: .milliseconds(400))
        for _ in 1...4 { #expect(await client.get("/Users").status == 200) }
        #expect(await client.get("/Users").status == 429)
        let stats = await client.emulator.stats
        #expect(stats.tooManyRequestsSent == 3)
        #expect(stats.requests(.get) == 11)
    }

    @Test func slidingWindowFreesSlotsOneByOne() {
        var limiter = SlidingWindowLimiter(limit: 2)
        #expect(limiter.admit(at: .zero) == nil)
        #expect(limiter.admit(at: .milliseconds(300)) == nil)
        #expect(limiter.admit(at: .milliseconds(500)) == .milliseconds(500))
        #expect(limiter.admit(at: .milliseconds(1_000)) == nil)
        #expect(limiter.admit(at: .milliseconds(1_100)) == .milliseconds(200))
        #expect(limiter.admit(at: .milliseconds(1_300)) == nil)
        #expect(SlidingWindowLimiter.retryAfterSeconds(.milliseconds(200)) == 1)
        #expect(SlidingWindowLimiter.retryAfterSeconds(.seconds(2)) == 2)
    }
}
