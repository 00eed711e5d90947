import Clocks
import RosterApply
import RosterModel
import RosterProviders
import Synchronization
import Testing

@Suite("Executor")
struct ExecutorTests {
    @Test func aFailedStepSkipsOnlyItsDependents() async throws {
        let plan = Plan(steps: steps("corp", users: ["ana", "bob", "cy"]))
        let provider = FakeProvider(
            name: "corp",
            failing: ["create:corp.user[\"bob\"]": ProviderError(.permanent, provider: "corp", "409 uniqueness")])
        let result = await Executor().run(plan, providers: ["corp": provider])
        let status = Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.stepID, $0.status) })
        #expect(status["create:corp.user[\"ana\"]"] == .applied)
        #expect(status["add:corp.membership[\"G\",\"ana\"]"] == .applied)
        #expect(status["create:corp.user[\"bob\"]"] == .failed)
        #expect(status["add:corp.membership[\"G\",\"bob\"]"] == .skipped)
        #expect(status["create:corp.user[\"cy\"]"] == .applied)
        let skipped = try #require(result.outcomes.first { $0.status == .skipped })
        #expect(skipped.waitedOn == "create:corp.user[\"bob\"]")
        let failed = try #require(result.outcomes.first { $0.status == .failed })
        #expect(failed.error == "corp: 409 uniqueness (corp.user[\"bob\"])")
        #expect(result.outcomes.map(\.stepID) == plan.steps.map(\.id))
    }

    @Test func aProviderFailingFromTheStartIsStoppedWhileOthersFinish() async throws {
        let names = (0..<20).map { "u\($0)" }
        let plan = Plan(steps: steps("bad", users: names, dependents: false) + steps("good", users: names))
        let bad = FakeProvider(
            name: "bad", failEverything: ProviderError(.unauthorized, provider: "bad", "401 token revoked"))
        let good = FakeProvider(name: "good")
        let events = Mutex<[ApplyEvent]>([])
        let executor = Executor(
            options: ExecutorOptions(paces: ["bad": Pace(requestsPerSecond: 10, concurrency: 1)])
        ) { event in events.withLock { $0.append(event) } }
        let result = await executor.run(plan, providers: ["bad": bad, "good": good])
        let badOutcomes = result.outcomes.filter { $0.address.provider == "bad" }
        #expect(badOutcomes.filter { $0.status == .failed }.count == 3)
        #expect(badOutcomes.filter { $0.status == .skipped }.count == 17)
        #expect(result.stopped["bad"]?.contains("401 token revoked") == true)
        #expect(good.applied.count == 40)
        let stops = events.withLock { $0.filter { if case .providerStopped = $0 { true } else { false } } }
        #expect(stops.count == 1)
    }

    @Test func spacedKindsRunSecondsApart() async throws {
        let clock = TestClock()
        let plan = Plan(
            steps: (0..<5).map {
                PlanStep(address: .userSkill("five9", user: "u\($0)", skill: "Sales"), action: .add, reason: "t")
            })
        let provider = FakeProvider(name: "five9", clock: clock)
        let executor = Executor(
            clock: clock,
            options: ExecutorOptions(paces: [
                "five9": Pace(requestsPerSecond: 10, concurrency: 4, spacing: [.userSkill: 2])
            ]))
        let task = Task { await executor.run(plan, providers: ["five9": provider]) }
        for _ in 0..<20 { await clock.advance(by: .milliseconds(500)) }
        _ = await task.value
        let times = provider.times
        #expect(times.count == 5)
        // A test clock may wake a sleeper late but never early: the i-th skill change comes no sooner than 2·i s in.
        for (index, time) in times.sorted().enumerated() { #expect(time >= .seconds(2) * index) }
    }

    @Test func journaledStepsAreNotRepeatedAndInFlightOnesAreVerifiedFirst() async throws {
        let plan = Plan(steps: steps("corp", users: ["ana", "bob"], dependents: false))
        let journal = MemoryJournal(done: ["create:corp.user[\"ana\"]"], running: ["create:corp.user[\"bob\"]"])
        let provider = FakeProvider(name: "corp", alreadyApplied: ["create:corp.user[\"bob\"]"])
        let result = await Executor(journal: journal).run(plan, providers: ["corp": provider])
        #expect(provider.applied.isEmpty)
        #expect(result.outcomes.map(\.status) == [.alreadyDone, .alreadyDone])
        #expect(
            await journal.entries == ["started create:corp.user[\"bob\"]", "already-done create:corp.user[\"bob\"]"])
    }

    @Test func manualStepsAreListedNotSent() async throws {
        let plan = Plan(steps: [PlanStep(address: .user("x8", "ana"), action: .manual, reason: "site is write-once")])
        let provider = FakeProvider(name: "x8")
        let result = await Executor().run(plan, providers: ["x8": provider])
        #expect(result.outcomes.map(\.status) == [.manual])
        #expect(provider.applied.isEmpty)
    }
}
