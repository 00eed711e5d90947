public import RosterModel
public import RosterProviders

/// Executes a plan: walks its dependency graph, runs each provider's steps at that provider's pace, isolates
/// failures to the steps that depend on them, and stops a provider that fails from the start.
public struct Executor: Sendable {
    let clock: any Clock<Duration>
    let options: ExecutorOptions
    let journal: (any ApplyJournal)?
    let onEvent: @Sendable (ApplyEvent) -> Void

    /// Creates an executor.
    ///
    /// - Parameters:
    ///   - clock: For spacing and timing (a test clock in tests).
    ///   - journal: Where progress is recorded durably; nil for none.
    ///   - onEvent: Receives progress events as they happen.
    public init(
        clock: any Clock<Duration> = ContinuousClock(), options: ExecutorOptions = ExecutorOptions(),
        journal: (any ApplyJournal)? = nil, onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) {
        self.clock = clock
        self.options = options
        self.journal = journal
        self.onEvent = onEvent
    }

    /// Runs every step it can and returns one outcome per step, in plan order, plus the providers it stopped.
    public func run(_ plan: Plan, providers: [String: any Provider]) async -> ExecutionResult {
        let watch = Stopwatch(clock: clock)
        let inFlight = await journal?.inFlight() ?? []
        let completed = await journal?.completed() ?? []
        // The schedule lives inside the group, and the group returns the result.
        return await withTaskGroup(of: Finished.self, returning: ExecutionResult.self) { group in
            var schedule = Schedule(plan: plan, options: options)
            for outcome in schedule.start(completed: completed) { onEvent(.finished(outcome)) }
            var running = 0
            while true {
                for (index, delay) in schedule.takeReady(now: watch.elapsed()) {
                    let step = plan.steps[index]
                    let verify = inFlight.contains(step.id)
                    running += 1
                    group.addTask {
                        await self.execute(
                            step, on: providers[step.address.provider], after: delay, verifyFirst: verify, watch: watch)
                    }
                }
                guard running > 0, let finished = await group.next() else { break }
                running -= 1
                onEvent(.finished(finished.outcome))
                if let stop = schedule.finish(finished) {
                    onEvent(.providerStopped(provider: stop.provider, reason: stop.reason))
                }
                for skipped in schedule.drainSkipped() { onEvent(.finished(skipped)) }
            }
            return ExecutionResult(outcomes: schedule.outcomes(), stopped: schedule.stopped)
        }
    }
}

/// What `Executor.run` returns.
public struct ExecutionResult: Sendable {
    /// One outcome per plan step, in plan order.
    public var outcomes: [StepOutcome]
    /// Providers stopped early, with the reason.
    public var stopped: [String: String]
}

/// A finished step and, for failures, the kind of provider error.
struct Finished: Sendable {
    var outcome: StepOutcome
    var errorKind: ProviderError.Kind?
}
