import Clocks
import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import Synchronization
import Testing

@Suite("Five9 provider pacing against the Five9 emulator")
struct Five9PacingEmulatorTests {
    /// The emulator's counters set small, and the client's budget set to the same numbers.
    static let smallSeed = #"""
        {"vendor": {
          "skills": [{"name": "Sales"}, {"name": "Billing"}, {"name": "Chat"}],
          "users": [{"userName": "ana@acme.example", "firstName": "Ana", "lastName": "Lopez", "roles": ["agent"]}],
          "limits": {"query": {"perMinute": 4, "perHour": 30, "perDay": 100},
                     "modify": {"perMinute": 3, "perHour": 20, "perDay": 100}}
        }}
        """#
    static let smallLimits = Five9CallLimits(
        query: [.init(.seconds(60), limit: 4), .init(.seconds(3_600), limit: 30), .init(.seconds(86_400), limit: 100)],
        modify: [.init(.seconds(60), limit: 3), .init(.seconds(3_600), limit: 20), .init(.seconds(86_400), limit: 100)])

    /// Runs `work` while advancing `clock` a second at a time until it finishes; returns the seconds it took.
    static func drive(
        _ clock: TestClock<Duration>, _ work: @escaping @Sendable () async throws -> Void
    ) async throws -> Int {
        let done = Mutex(false)
        let task = Task {
            defer { done.withLock { $0 = true } }
            try await work()
        }
        var seconds = 0
        while !done.withLock({ $0 }) && seconds < 7_200 {
            await clock.advance(by: .seconds(1))
            seconds += 1
        }
        try await task.value
        return seconds
    }

    @Test func aPlanLargerThanTheCountersWaitsInsteadOfHittingThem() async throws {
        let clock = TestClock()
        let harness = try Five9Harness(seed: Self.smallSeed, limits: Self.smallLimits, clock: clock)
        let provider = harness.provider
        var steps: [PlanStep] = []
        for skill in ["Sales", "Billing", "Chat"] {
            steps.append(
                PlanStep(
                    address: .userSkill("five9", user: "ana@acme.example", skill: skill), action: .add, reason: "t",
                    level: 2))
            steps.append(
                PlanStep(
                    address: .userSkill("five9", user: "ana@acme.example", skill: skill), action: .modify, reason: "t",
                    level: 5))
        }
        for name in ["Voice", "Email", "Social"] {
            steps.append(PlanStep(address: .skill("five9", name), action: .create, reason: "t"))
        }
        let plan = steps
        let seconds = try await Self.drive(clock) {
            _ = try await provider.fetch()
            for step in plan { try await provider.apply(step) }
            _ = try await provider.fetch()
        }
        let stats = await harness.emulator.stats
        #expect(stats.faults("OperationsLimitExceededFault") == 0)
        let calls = stats.requestsByOperation.values.reduce(0, +)
        #expect(calls == 3 + 9 + 3)
        // Nine modify calls at three a minute: at least two full windows of waiting.
        #expect(seconds >= 120)
        #expect(await harness.emulator.user("ana@acme.example")?.skills == ["Billing": 5, "Chat": 5, "Sales": 5])
    }

    @Test func skillChangesAreSpacedApart() async throws {
        let clock = TestClock()
        let harness = try Five9Harness(seed: Self.smallSeed, spacing: .seconds(3), clock: clock)
        let provider = harness.provider
        let steps = ["Sales", "Billing", "Chat"].map { skill in
            PlanStep(
                address: .userSkill("five9", user: "ana@acme.example", skill: skill), action: .add, reason: "t",
                level: 1)
        }
        _ = try await Self.drive(clock) {
            _ = try await provider.fetch()
            for step in steps { try await provider.apply(step) }
        }
        let stats = await harness.emulator.stats
        #expect(stats.skillChangeTimes.count == 3)
        #expect(try #require(stats.minimumSkillChangeSpacing) >= .seconds(3))
    }

    @Test func concurrentCallsGoOneAtATime() async throws {
        let harness = try Five9Harness()
        await harness.emulator.inject(.latency(.milliseconds(5), method: .post))
        let provider = harness.provider
        _ = try await provider.fetch()
        let addresses: [ResourceAddress] = [
            .user("five9", "ana@acme.example"), .user("five9", "sam@acme.example"), .group("five9", "Tier1"),
            .skill("five9", "Sales"), .skill("five9", "Billing"),
        ]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for address in addresses {
                group.addTask { _ = try await provider.fetch(only: [address]) }
                group.addTask { _ = try await provider.fetch() }
            }
            try await group.waitForAll()
        }
        let stats = await harness.emulator.stats
        #expect(stats.maxRequestsInFlight == 1)
        #expect(stats.faults("UserAlreadyLoggedInFault") == 0)
    }
}
