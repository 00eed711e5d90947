/// Elapsed time on any clock, measured from creation (opens the clock existential once).
public struct Stopwatch: Sendable {
    private let measure: @Sendable () -> Duration

    /// Starts measuring on `clock`.
    public init(clock: any Clock<Duration>) {
        self.measure = Self.measurer(clock)
    }

    private static func measurer<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Time since creation.
    public func elapsed() -> Duration { measure() }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
