public import RosterProviders
import Synchronization

/// Turns read progress into an occasional line for someone watching a long read (at vendor pace, 50,000 Genesys
/// users take about 7 minutes).
///
/// Nothing for the first `quietPeriod` of a read (a read that quick prints nothing); after that a line per provider
/// and kind at most every `interval` while a listing is under way, and one when it is complete. Times count from the
/// start of the read (`ReadProgress.readBegan`), or from the log's creation when a report does not say.
public final class ReadProgressLog: Sendable {
    private let started: ContinuousClock.Instant
    private let now: @Sendable () -> ContinuousClock.Instant
    private let write: @Sendable (String) -> Void
    private let quietPeriod: Duration
    private let interval: Duration
    /// When each provider's listing of each kind was last shown.
    private let shown = Mutex<[String: ContinuousClock.Instant]>([:])

    /// A log that hands its lines to `write`.
    public init(
        quietPeriod: Duration = .seconds(2), interval: Duration = .seconds(5),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        write: @escaping @Sendable (String) -> Void
    ) {
        self.now = now
        self.started = now()
        self.write = write
        self.quietPeriod = quietPeriod
        self.interval = interval
    }

    /// Takes one report (from `RosterOptions.readObserver`).
    public func observe(_ progress: ReadProgress) {
        let time = now()
        let began = progress.readBegan ?? started
        guard time - began >= quietPeriod else { return }
        let complete = progress.total.map { progress.read >= $0 } ?? false
        let key = "\(progress.provider) \(progress.kind)"
        let due = shown.withLock { shown in
            if !complete, let last = shown[key], time - last < interval { return false }
            shown[key] = time
            return true
        }
        guard due else { return }
        write(Self.line(progress, complete: complete, elapsed: time - began))
    }

    /// `genesys: 12,500 of 50,000 users read (9 s)`, `genesys: all 50,000 users read (38 s)`, or
    /// `genesys: no groups (38 s)`.
    static func line(_ progress: ReadProgress, complete: Bool, elapsed: Duration) -> String {
        let seconds = "\(elapsed.components.seconds) s"
        if complete, progress.read == 0 { return "\(progress.provider): no \(progress.kind) (\(seconds))" }
        if complete { return "\(progress.provider): all \(grouped(progress.read)) \(progress.kind) read (\(seconds))" }
        let total = progress.total.map { " of \(grouped($0))" } ?? ""
        return "\(progress.provider): \(grouped(progress.read))\(total) \(progress.kind) read (\(seconds))"
    }

    /// `50000` → `50,000`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
