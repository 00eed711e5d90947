import Clocks
import Foundation
import RosterProviders
import Synchronization
import Testing

@Suite("Five9 call budget")
struct Five9CallBudgetTests {
    static let small = Five9CallLimits(
        query: [.init(.seconds(60), limit: 3), .init(.seconds(3_600), limit: 5)],
        modify: [.init(.seconds(60), limit: 2)])

    @Test func callsWaitForTheirWindowOncePerMinuteIsSpent() {
        var windows = Five9CallWindows(limits: Self.small, spacing: .zero)
        for second in [0, 10, 20] {
            #expect(windows.delay(.query, spaced: false, now: .seconds(second)) == .zero)
            windows.record(.query, spaced: false, at: .seconds(second))
        }
        #expect(windows.delay(.query, spaced: false, now: .seconds(30)) == .seconds(30))
        #expect(windows.delay(.modify, spaced: false, now: .seconds(30)) == .zero)
        windows.record(.query, spaced: false, at: .seconds(60))
        windows.record(.query, spaced: false, at: .seconds(70))
        // Five in the hour: the hourly window now decides, not the minute one.
        #expect(windows.delay(.query, spaced: false, now: .seconds(200)) == .seconds(3_400))
    }

    @Test func noSpanOfAWindowEverHoldsMoreThanItsLimit() {
        var windows = Five9CallWindows(limits: Self.small, spacing: .zero)
        var now = Duration.zero
        var sent: [Duration] = []
        for _ in 0..<40 {
            now += windows.delay(.modify, spaced: false, now: now)
            windows.record(.modify, spaced: false, at: now)
            sent.append(now)
            now += .seconds(1)
        }
        for (index, start) in sent.enumerated() {
            #expect(sent[index...].prefix { $0 < start + .seconds(60) }.count <= 2)
        }
    }

    @Test func spacedCallsKeepTheirDistanceAndOthersDoNotWait() {
        var windows = Five9CallWindows(limits: .documented, spacing: .seconds(3))
        windows.record(.modify, spaced: true, at: .seconds(10))
        #expect(windows.delay(.modify, spaced: true, now: .seconds(11)) == .seconds(2))
        #expect(windows.delay(.modify, spaced: false, now: .seconds(11)) == .zero)
        #expect(windows.delay(.modify, spaced: true, now: .seconds(14)) == .zero)
    }

    @Test func aServiceSaysSpentBlocksTheMatchingWindow() {
        var windows = Five9CallWindows(limits: Self.small, spacing: .zero)
        windows.exhaust(.query, limit: 5, at: .seconds(10))
        #expect(windows.delay(.query, spaced: false, now: .seconds(10)) == .seconds(3_600))
        windows.exhaust(.modify, limit: 999, at: .seconds(10))
        #expect(windows.delay(.modify, spaced: false, now: .seconds(10)) == .seconds(60))
        var unlimited = Five9CallWindows(limits: Five9CallLimits(query: [], modify: []), spacing: .zero)
        unlimited.exhaust(.modify, limit: nil, at: .zero)
        #expect(unlimited.delay(.modify, spaced: false, now: .zero) == .seconds(60))
    }

    @Test func categoriesFollowTheOperationName() {
        #expect(Five9CallCategory(operation: "getUsersInfo") == .query)
        #expect(Five9CallCategory(operation: "userSkillAdd") == .modify)
        #expect(Five9CallCategory(operation: "createAgentGroup") == .modify)
    }

    @Test func theBudgetLetsOneCallInAtATime() async throws {
        let budget = Five9CallBudget(limits: .documented, userSkillSpacing: .zero, clock: ImmediateClock())
        let gauge = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await budget.acquire(.query)
                    await gauge.enter()
                    await Task.yield()
                    await gauge.leave()
                    await budget.release()
                }
            }
            try await group.waitForAll()
        }
        #expect(await gauge.most == 1)
    }

    @Test func theBudgetWaitsOnItsClockInsteadOfFailing() async throws {
        let clock = TestClock()
        let budget = Five9CallBudget(limits: Self.small, userSkillSpacing: .zero, clock: clock)
        for _ in 0..<2 {
            try await budget.acquire(.modify)
            await budget.release()
        }
        let admitted = Mutex(false)
        let third = Task {
            try await budget.acquire(.modify)
            admitted.withLock { $0 = true }
            await budget.release()
        }
        await clock.advance(by: .seconds(59))
        #expect(admitted.withLock { $0 } == false)
        await clock.advance(by: .seconds(1))
        try await third.value
        #expect(admitted.withLock { $0 })
    }
}

/// Counts how many holders are inside at once.
actor Gauge {
    private(set) var now = 0
    private(set) var most = 0

    func enter() {
        now += 1
        most = max(most, now)
    }

    func leave() { now -= 1 }
}
