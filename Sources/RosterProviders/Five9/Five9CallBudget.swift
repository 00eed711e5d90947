/// Keeps a Five9 admin user's calls inside the domain's query and modify counters, one request in flight, and
/// user-skill changes spaced apart (five9.md §1.6, §2).
///
/// Calls wait for room rather than fail. Share one budget between every client that uses the same admin
/// credentials: Five9 refuses concurrent requests per credential and counts calls per domain.
public actor Five9CallBudget {
    private var windows: Five9CallWindows
    private let clock: any Clock<Duration>
    private let watch: Stopwatch
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a budget.
    ///
    /// - Parameters:
    ///   - limits: The counters; defaults to the documented domain limits.
    ///   - userSkillSpacing: Least time between two `userSkill*` calls (Five9 advises at least 3 seconds).
    ///   - clock: The clock to wait on (a test clock in tests).
    public init(
        limits: Five9CallLimits = .documented, userSkillSpacing: Duration = .seconds(3),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.windows = Five9CallWindows(limits: limits, spacing: userSkillSpacing)
        self.clock = clock
        self.watch = Stopwatch(clock: clock)
    }

    /// Waits until this caller is the only one in flight and a call of `category` fits every counter, then counts
    /// it.
    ///
    /// Every successful `acquire` must be paired with `release()`.
    ///
    /// - Parameter spaced: Whether the call is a user-skill change, spaced from the previous one.
    public func acquire(_ category: Five9CallCategory, spaced: Bool = false) async throws {
        await enter()
        do {
            while true {
                let wait = windows.delay(category, spaced: spaced, now: watch.elapsed())
                guard wait > .zero else { break }
                try await clock.sleep(for: wait)
            }
        } catch {
            leave()
            throw error
        }
        windows.record(category, spaced: spaced, at: watch.elapsed())
    }

    /// Lets the next caller in.
    public func release() { leave() }

    /// The service answered `OperationsLimitExceededFault`: no call of `category` until the window whose limit is
    /// `limit` has passed.
    ///
    /// - Returns: That window's length, when one is configured.
    @discardableResult
    public func exhausted(_ category: Five9CallCategory, limit: Int?) -> Duration? {
        windows.exhaust(category, limit: limit, at: watch.elapsed())
        return windows.windowLength(category, limit: limit)
    }

    private func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func leave() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
