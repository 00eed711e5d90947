import Clocks
import Foundation
import HTTPTypes
import RosterModel
import RosterProviders
import RosterTestSupport
import Synchronization
import Testing

@Suite("Retries and pacing")
struct RetryTests {
    @Test func retriesA429AfterItsRetryAfter() async throws {
        let clock = TestClock()
        let callTimes = Mutex<[TestClock<Duration>.Instant]>([])
        let transport = ScriptedTransport { _ in
            let n = callTimes.withLock {
                $0.append(clock.now)
                return $0.count
            }
            return n == 1 ? (429, nil, [.retryAfter: "2"]) : (200, .object([:]), [:])
        }
        let retrying = RetryingTransport(transport, policy: RetryPolicy(random: { 0.5 }), clock: clock)
        let task = Task {
            try await retrying.send(
                HTTPRequest(method: .get, scheme: "https", authority: "x", path: "/Users"), body: nil)
        }
        // Move time on in small steps until the retry happens, however late the task starts or goes to sleep
        // (a fixed pair of advances could run before the sleep began and leave it waiting forever).
        for _ in 0..<600 where callTimes.withLock({ $0.count }) < 2 {
            await clock.advance(by: .milliseconds(100))
            await Task.yield()
        }
        try #require(callTimes.withLock { $0.count } == 2, "no retry within 60 s of test-clock time")
        let (head, _) = try await task.value
        #expect(head.status.code == 200)
        let times = callTimes.withLock { $0 }
        #expect(times.count == 2)
        // Never early: the retry waits at least the 2 s the 429 asked for.
        #expect(times[0].duration(to: times[1]) >= .seconds(2))
    }

    @Test func postIsNotRetriedAfterA500ButIsAfterA503() async throws {
        for (status, expected) in [(500, 1), (503, 2)] {
            let calls = Mutex(0)
            let transport = ScriptedTransport { _ in
                let n = calls.withLock {
                    $0 += 1
                    return $0
                }
                return n == 1 ? (status, nil, [:]) : (201, .object([:]), [:])
            }
            let retrying = RetryingTransport(transport, policy: RetryPolicy(baseDelay: .zero), clock: ImmediateClock())
            _ = try await retrying.send(
                HTTPRequest(method: .post, scheme: "https", authority: "x", path: "/Users"), body: nil)
            #expect(calls.withLock { $0 } == expected)
        }
    }

    @Test func givesUpAfterTheAttemptCap() async throws {
        let transport = ScriptedTransport { _ in (503, nil, [:]) }
        let retrying = RetryingTransport(
            transport, policy: RetryPolicy(maxAttempts: 4, baseDelay: .zero), clock: ImmediateClock())
        let (head, _) = try await retrying.send(
            HTTPRequest(method: .get, scheme: "https", authority: "x", path: "/"), body: nil)
        #expect(head.status.code == 503)
        #expect(transport.requests.count == 4)
    }

    @Test func backoffIsJitteredAndCapped() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(8), random: { 0.999 })
        #expect(policy.backoff(attempt: 1) < .seconds(1))
        #expect(policy.backoff(attempt: 10) <= .seconds(8))
        #expect(policy.decide(after: .rateLimited(retryAfter: .seconds(120)), attempt: 1) == .giveUp)
        #expect(policy.decide(after: .serverError(status: 503), attempt: 6) == .giveUp)
    }

    @Test func rateLimiterSpacesRequestsEvenly() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(permitsPerSecond: 4, clock: clock)
        let stamps = Mutex<[Duration]>([])
        let watch = Stopwatch(clock: clock)
        let task = Task {
            for _ in 0..<8 {
                try await limiter.acquire()
                stamps.withLock { $0.append(watch.elapsed()) }
            }
        }
        for _ in 0..<40 { await clock.advance(by: .milliseconds(50)) }
        try await task.value
        let times = stamps.withLock { $0 }
        #expect(times.count == 8)
        // A test clock may wake a sleeper late but never early: the i-th permit comes no sooner than i slots in.
        for (index, time) in times.sorted().enumerated() { #expect(time >= .milliseconds(250) * index) }
    }
}
