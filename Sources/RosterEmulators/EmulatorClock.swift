/// The injected clock, with its instant type erased: the emulator needs only "time since start" and "sleep".
struct EmulatorClock: Sendable {
    /// Time elapsed on the clock since the emulator was created.
    let elapsed: @Sendable () -> Duration
    /// Sleeps on the clock.
    let sleep: @Sendable (Duration) async throws -> Void

    init(_ clock: any Clock<Duration>) {
        self.init(opening: clock)
    }

    private init<C: Clock>(opening clock: C) where C.Duration == Duration {
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }
}
