/// The documented request limits (five9.md §2.1): calls per minute, hour and day for query and modify
/// operations, counted in windows aligned to calendar boundaries of the data center's time zone.
///
/// A pure state machine: the caller passes the local time in seconds and gets a decision back (STYLE R4).
struct Five9CallCounters: Sendable {
    /// The counted operation categories (`apiOperationType`).
    enum Category: String, Sendable, CaseIterable {
        case query = "Query"
        case modify = "Modify"
    }

    /// One window length.
    enum Window: Int, Sendable, CaseIterable {
        case minute = 60
        case hour = 3_600
        case day = 86_400

        /// The word used in fault messages.
        var word: String {
            switch self {
            case .minute: "minute"
            case .hour: "hour"
            case .day: "day"
            }
        }
    }

    /// Limits per category and window.
    struct Limits: Sendable, Equatable {
        var values: [Category: [Window: Int]]

        /// The documented defaults: Query 450/15,000/172,800; Modify 140/7,200/172,800.
        static let documented = Limits(values: [
            .query: [.minute: 450, .hour: 15_000, .day: 172_800],
            .modify: [.minute: 140, .hour: 7_200, .day: 172_800],
        ])

        /// The limit of `category` in `window`.
        func limit(_ category: Category, _ window: Window) -> Int {
            values[category]?[window] ?? .max
        }
    }

    /// The count of one (scope, category, window): which window it is and how many calls it holds.
    private struct Count: Sendable {
        var window: Int64
        var value: Int
    }

    private struct Key: Hashable, Sendable {
        var scope: String
        var category: Category
        var window: Window
    }

    /// The limits in force.
    let limits: Limits
    private var counts: [Key: Count] = [:]

    init(limits: Limits) {
        self.limits = limits
    }

    /// Counts one call of `category` for `scope` (an admin user, or the domain) at local time `seconds`, or
    /// returns the window whose limit it would exceed (the call is then not counted).
    mutating func admit(_ category: Category, scope: String, at seconds: Int64) -> (limit: Int, window: Window)? {
        for window in Window.allCases {
            let value = current(Key(scope: scope, category: category, window: window), at: seconds)
            let limit = limits.limit(category, window)
            if value >= limit { return (limit, window) }
        }
        for window in Window.allCases {
            let key = Key(scope: scope, category: category, window: window)
            counts[key] = Count(window: Self.index(seconds, window), value: current(key, at: seconds) + 1)
        }
        return nil
    }

    /// The calls counted so far in the current `window` of `category` for `scope`.
    func value(_ category: Category, _ window: Window, scope: String, at seconds: Int64) -> Int {
        current(Key(scope: scope, category: category, window: window), at: seconds)
    }

    private func current(_ key: Key, at seconds: Int64) -> Int {
        guard let count = counts[key], count.window == Self.index(seconds, key.window) else { return 0 }
        return count.value
    }

    private static func index(_ seconds: Int64, _ window: Window) -> Int64 {
        let length = Int64(window.rawValue)
        return seconds >= 0 ? seconds / length : (seconds - length + 1) / length
    }
}
