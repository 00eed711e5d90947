/// A requests-per-second limit over a sliding one-second window: a pure state machine fed with clock readings.
struct SlidingWindowLimiter: Sendable {
    /// Requests admitted per window.
    let limit: Int
    /// The window length.
    let window: Duration
    private var admitted: [Duration] = []
    private var head = 0

    init(limit: Int, window: Duration = .seconds(1)) {
        self.limit = max(0, limit)
        self.window = window
    }

    /// Admits a request at `now` (time since the emulator started), or returns the wait until one would be.
    ///
    /// Refused requests do not use up the window.
    mutating func admit(at now: Duration) -> Duration? {
        while head < admitted.count, admitted[head] <= now - window { head += 1 }
        if head > 1024, head * 2 > admitted.count {
            admitted.removeFirst(head)
            head = 0
        }
        guard admitted.count - head >= limit else {
            admitted.append(now)
            return nil
        }
        guard head < admitted.count else { return window }
        return admitted[head] + window - now
    }

    /// Whole seconds for `Retry-After`, rounded up.
    static func retryAfterSeconds(_ wait: Duration) -> Int {
        let (seconds, attoseconds) = wait.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}
