/// Five9's per-domain call counters: how many query and modify calls fit in each window (five9.md §2.1).
public struct Five9CallLimits: Sendable, Hashable {
    /// One counter: at most `limit` calls per `length`.
    public struct Window: Sendable, Hashable {
        /// The window length, for example one minute.
        public var length: Duration
        /// Calls allowed per window.
        public var limit: Int

        /// Creates a window.
        public init(_ length: Duration, limit: Int) {
            self.length = length
            self.limit = limit
        }
    }

    /// Counters for `get*` calls.
    public var query: [Window]
    /// Counters for create, modify, delete, add and remove calls.
    public var modify: [Window]

    /// Creates limits.
    public init(query: [Window], modify: [Window]) {
        self.query = query
        self.modify = modify
    }

    /// The counters of one category.
    public func windows(_ category: Five9CallCategory) -> [Window] {
        switch category {
        case .query: query
        case .modify: modify
        }
    }

    /// The documented defaults: Query 450/min, 15,000/h, 172,800/day; Modify 140/min, 7,200/h, 172,800/day.
    public static let documented = Five9CallLimits(
        query: [
            Window(.seconds(60), limit: 450), Window(.seconds(3_600), limit: 15_000),
            Window(.seconds(86_400), limit: 172_800),
        ],
        modify: [
            Window(.seconds(60), limit: 140), Window(.seconds(3_600), limit: 7_200),
            Window(.seconds(86_400), limit: 172_800),
        ])
}

/// Which Five9 counter a call spends (`apiOperationType` Query or Modify).
public enum Five9CallCategory: String, Sendable, Hashable, CaseIterable {
    /// Every `get*` operation.
    case query = "Query"
    /// Every create, modify, delete, add and remove operation.
    case modify = "Modify"

    /// The category of a SOAP operation, by its name.
    public init(operation: String) { self = operation.hasPrefix("get") ? .query : .modify }
}
