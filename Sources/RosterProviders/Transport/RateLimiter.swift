/// Paces requests to a steady rate so a vendor's limit is met from below, not discovered through 429s.
///
/// Each `acquire()` takes the next free slot, `1/permitsPerSecond` after the previous one (no bursts), and sleeps
/// until it. A 429's `Retry-After` pushes every later slot back with `pause(for:)`.
public actor RateLimiter {
    private let interval: Duration
    private let clock: any Clock<Duration>
    private var nextSlot: Duration = .zero
    private let start: Stopwatch

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - permitsPerSecond: The sustained rate; 0 or less means unlimited.
    ///   - clock: The clock to sleep on (a test clock in tests).
    public init(permitsPerSecond: Double, clock: any Clock<Duration> = ContinuousClock()) {
        self.interval = permitsPerSecond > 0 ? .seconds(1 / permitsPerSecond) : .zero
        self.clock = clock
        self.start = Stopwatch(clock: clock)
    }

    /// Waits for the next slot.
    public func acquire() async throws {
        guard interval > .zero else { return }
        let now = start.elapsed()
        let slot = max(now, nextSlot)
        nextSlot = slot + interval
        if slot > now { try await clock.sleep(for: slot - now) }
    }

    /// Pushes every later slot back by `duration` (after a 429 with `Retry-After`).
    public func pause(for duration: Duration) {
        let now = start.elapsed()
        nextSlot = max(nextSlot, now + duration)
    }
}
