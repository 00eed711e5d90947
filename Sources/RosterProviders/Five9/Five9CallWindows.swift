/// The budget's pure core: which calls were sent when, and how long the next call of a category must wait.
///
/// Five9's windows are calendar-aligned in the data center's time zone (five9.md §2.1), which roster cannot see.
/// Counting over *sliding* windows is stricter: at most `limit` calls in any span of `length` means at most `limit`
/// in every calendar window of that length too, wherever its boundaries fall.
package struct Five9CallWindows: Sendable {
    /// The last `limit` send times of one counter, oldest first from `head`.
    struct Ring: Sendable {
        let window: Five9CallLimits.Window
        var times: [Duration] = []
        var head = 0
        /// Set after the service said this counter is spent: no call before then.
        var blockedUntil: Duration = .zero

        init(_ window: Five9CallLimits.Window) { self.window = window }

        /// The earliest time another call fits.
        var readyAt: Duration {
            guard window.limit > 0, times.count >= window.limit else { return blockedUntil }
            return max(blockedUntil, times[head] + window.length)
        }

        mutating func record(_ time: Duration) {
            guard window.limit > 0 else { return }
            if times.count < window.limit {
                times.append(time)
            } else {
                times[head] = time
                head = (head + 1) % window.limit
            }
        }
    }

    private var rings: [Five9CallCategory: [Ring]]
    /// The least time between two spaced calls (user-skill changes).
    let spacing: Duration
    private var lastSpaced: Duration?
    /// Set when the service says a category is spent and no configured window matches: one minute, as Five9's
    /// shortest counter.
    private var blocked: [Five9CallCategory: Duration] = [:]

    /// Creates empty windows.
    package init(limits: Five9CallLimits, spacing: Duration) {
        var rings: [Five9CallCategory: [Ring]] = [:]
        for category in Five9CallCategory.allCases {
            rings[category] = limits.windows(category).filter { $0.limit > 0 }.map(Ring.init)
        }
        self.rings = rings
        self.spacing = spacing
    }

    /// How long a call of `category` must wait at `now` to stay inside every counter (and the spacing, if spaced).
    package func delay(_ category: Five9CallCategory, spaced: Bool, now: Duration) -> Duration {
        var ready = max(blocked[category] ?? .zero, (rings[category] ?? []).map(\.readyAt).max() ?? .zero)
        if spaced, let lastSpaced { ready = max(ready, lastSpaced + spacing) }
        return max(.zero, ready - now)
    }

    /// Counts a call sent at `now`.
    package mutating func record(_ category: Five9CallCategory, spaced: Bool, at now: Duration) {
        for index in rings[category, default: []].indices { rings[category]![index].record(now) }
        if spaced { lastSpaced = now }
    }

    /// The service said a counter is spent: block the window whose limit is `limit` (the shortest one when no
    /// configured window has that limit) for one window length from `now`.
    package mutating func exhaust(_ category: Five9CallCategory, limit: Int?, at now: Duration) {
        guard let windows = rings[category], !windows.isEmpty else {
            blocked[category] = now + .seconds(60)
            return
        }
        let matching = windows.indices.filter { windows[$0].window.limit == limit }
        let shortest = windows.indices.min { windows[$0].window.length < windows[$1].window.length }!
        for index in matching.isEmpty ? [shortest] : matching {
            rings[category]![index].blockedUntil = now + windows[index].window.length
        }
    }

    /// The window length the service's `limit` refers to, for messages and the give-up decision.
    package func windowLength(_ category: Five9CallCategory, limit: Int?) -> Duration? {
        let windows = rings[category] ?? []
        return (windows.first { $0.window.limit == limit } ?? windows.min { $0.window.length < $1.window.length })?
            .window.length
    }
}
