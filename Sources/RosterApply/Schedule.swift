import RosterModel
import RosterProviders

/// The executor's bookkeeping: which steps are ready, running, done or skipped; per-provider limits, spacing and quarantine.
///
/// A plain value mutated only by the executor's parent task.
struct Schedule {
    let plan: Plan
    let options: ExecutorOptions
    private var position: [String: Int] = [:]
    private var dependents: [[Int]]
    private var waiting: [Int]
    private var results: [StepOutcome?]
    private var queues: [String: [Int]] = [:]
    private var queueHeads: [String: Int] = [:]
    private var running: [String: Int] = [:]
    private var nextSlot: [String: Duration] = [:]
    private var stats: [String: (finished: Int, failed: Int, succeeded: Int, firstError: String?)] = [:]
    private var pendingSkips: [StepOutcome] = []
    /// Providers stopped early, with the reason.
    private(set) var stopped: [String: String] = [:]

    init(plan: Plan, options: ExecutorOptions) {
        self.plan = plan
        self.options = options
        dependents = Array(repeating: [], count: plan.steps.count)
        waiting = Array(repeating: 0, count: plan.steps.count)
        results = Array(repeating: nil, count: plan.steps.count)
        for (index, step) in plan.steps.enumerated() { position[step.id] = index }
        for (index, step) in plan.steps.enumerated() {
            for dependency in step.dependsOn {
                guard let from = position[dependency] else { continue }
                dependents[from].append(index)
                waiting[index] += 1
            }
        }
    }

    /// Marks journaled steps done and manual steps listed; returns their outcomes; queues what is ready.
    mutating func start(completed: Set<String>) -> [StepOutcome] {
        var immediate: [StepOutcome] = []
        for (index, step) in plan.steps.enumerated() {
            if completed.contains(step.id) {
                immediate.append(settle(index, StepOutcome(step: step, status: .alreadyDone)))
            } else if step.action == .manual {
                immediate.append(settle(index, StepOutcome(step: step, status: .manual)))
            }
        }
        // Settling may have queued dependents already; rebuild the queues once, in plan order.
        queues = [:]
        queueHeads = [:]
        for index in plan.steps.indices where results[index] == nil && waiting[index] == 0 { enqueue(index) }
        return immediate
    }

    /// Ready steps that fit under their provider's concurrency, each with the delay its spacing needs.
    mutating func takeReady(now: Duration) -> [(Int, Duration)] {
        var taken: [(Int, Duration)] = []
        for provider in queues.keys.sorted() {
            let limit = max(1, options.paces[provider]?.concurrency ?? 4)
            while running[provider, default: 0] < limit, let index = dequeue(provider) {
                running[provider, default: 0] += 1
                taken.append((index, spacingDelay(plan.steps[index], now: now)))
            }
        }
        return taken
    }

    /// Records a finished step; returns a provider stop when the provider should be quarantined.
    mutating func finish(_ finished: Finished) -> (provider: String, reason: String)? {
        guard let index = position[finished.outcome.stepID] else { return nil }
        let provider = plan.steps[index].address.provider
        running[provider, default: 1] -= 1
        _ = settle(index, finished.outcome)
        var stat = stats[provider] ?? (0, 0, 0, nil)
        stat.finished += 1
        if finished.outcome.status == .failed {
            stat.failed += 1
            if stat.firstError == nil { stat.firstError = finished.outcome.error }
        } else {
            stat.succeeded += 1
        }
        stats[provider] = stat
        guard stopped[provider] == nil, stat.succeeded == 0, stat.failed >= options.quarantineAfter,
            let kind = finished.errorKind, options.quarantineKinds.contains(kind.rawValue)
        else { return nil }
        let reason =
            "stopped after its first \(stat.failed) calls failed and none succeeded; the remaining steps were not tried. First error: \(stat.firstError ?? "unknown")"
        stopped[provider] = reason
        skipQueued(of: provider, reason: "provider \(provider) stopped")
        return (provider, reason)
    }

    /// Skipped outcomes produced since the last call.
    mutating func drainSkipped() -> [StepOutcome] {
        defer { pendingSkips = [] }
        return pendingSkips
    }

    /// One outcome per step, in plan order (steps never reached are skipped).
    func outcomes() -> [StepOutcome] {
        plan.steps.enumerated().map { index, step in
            results[index] ?? StepOutcome(step: step, status: .skipped, waitedOn: "not reached")
        }
    }

    /// Stores an outcome and releases or skips the dependents.
    private mutating func settle(_ index: Int, _ outcome: StepOutcome) -> StepOutcome {
        results[index] = outcome
        let ok = outcome.status == .applied || outcome.status == .alreadyDone || outcome.status == .manual
        for dependent in dependents[index] where results[dependent] == nil {
            if ok {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { enqueue(dependent) }
            } else {
                skip(
                    dependent,
                    waitedOn: outcome.status == .skipped ? (outcome.waitedOn ?? outcome.stepID) : outcome.stepID)
            }
        }
        return outcome
    }

    private mutating func skip(_ index: Int, waitedOn: String) {
        guard results[index] == nil else { return }
        let outcome = StepOutcome(step: plan.steps[index], status: .skipped, waitedOn: waitedOn)
        pendingSkips.append(outcome)
        _ = settle(index, outcome)
    }

    private mutating func skipQueued(of provider: String, reason: String) {
        while let index = dequeue(provider) { skip(index, waitedOn: reason) }
        for (index, step) in plan.steps.enumerated()
        where step.address.provider == provider && results[index] == nil && waiting[index] > 0 {
            skip(index, waitedOn: reason)
        }
    }

    private mutating func enqueue(_ index: Int) {
        let provider = plan.steps[index].address.provider
        if stopped[provider] != nil {
            skip(index, waitedOn: "provider \(provider) stopped")
        } else {
            queues[provider, default: []].append(index)
        }
    }

    private mutating func dequeue(_ provider: String) -> Int? {
        let head = queueHeads[provider, default: 0]
        guard let queue = queues[provider], head < queue.count else { return nil }
        queueHeads[provider] = head + 1
        return queue[head]
    }

    /// The wait a spaced kind needs (Five9 skill changes seconds apart): slots are handed out in order.
    private mutating func spacingDelay(_ step: PlanStep, now: Duration) -> Duration {
        guard let spacing = options.paces[step.address.provider]?.spacing[step.address.kind], spacing > 0 else {
            return .zero
        }
        let key = "\(step.address.provider)/\(step.address.kind.rawValue)"
        let slot = max(now, nextSlot[key] ?? now)
        nextSlot[key] = slot + .seconds(spacing)
        return slot - now
    }
}
