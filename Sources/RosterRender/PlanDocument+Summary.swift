public import RosterModel

extension PlanDocument {
    /// Totals over all providers.
    public struct Summary: Codable, Sendable, Hashable {
        /// Steps per action, with every action present (zero when unused).
        public var actions: [Action: Int]
        /// Steps in total.
        public var steps: Int
        /// Live users left alone because roster does not manage them.
        public var unmanagedUsers: Int
        /// Live groups left alone because roster does not manage them.
        public var unmanagedGroups: Int
        /// Estimated API calls over all providers.
        public var estimatedCalls: Int
        /// Estimated seconds: providers run in parallel, so this is the slowest provider's estimate.
        public var estimatedSeconds: Double

        enum CodingKeys: String, CodingKey {
            case actions, steps
            case unmanagedUsers = "unmanaged_users"
            case unmanagedGroups = "unmanaged_groups"
            case estimatedCalls = "estimated_calls"
            case estimatedSeconds = "estimated_seconds"
        }
    }

    /// One provider's counts and estimates on the wire.
    public struct ProviderEntry: Codable, Sendable, Hashable {
        /// Provider name.
        public var name: String
        /// Provider type.
        public var type: ProviderType
        /// Steps per action, as the planner counted them.
        public var counts: [Action: Int]
        /// Live users roster leaves alone.
        public var unmanagedUsers: Int
        /// Live groups roster leaves alone.
        public var unmanagedGroups: Int
        /// Live users in total.
        public var liveUsers: Int
        /// Estimated API calls.
        public var estimatedCalls: Int
        /// Estimated seconds at `pace`.
        public var estimatedSeconds: Double
        /// The pace the estimate assumes.
        public var pace: PaceEntry

        enum CodingKeys: String, CodingKey {
            case name, type, counts, pace
            case unmanagedUsers = "unmanaged_users"
            case unmanagedGroups = "unmanaged_groups"
            case liveUsers = "live_users"
            case estimatedCalls = "estimated_calls"
            case estimatedSeconds = "estimated_seconds"
        }
    }

    /// A provider's pace on the wire.
    public struct PaceEntry: Codable, Sendable, Hashable {
        /// Sustained requests per second.
        public var requestsPerSecond: Double
        /// Requests in flight at once.
        public var concurrency: Int
        /// Minimum seconds between two steps of a kind.
        public var spacing: [ResourceKind: Double]

        enum CodingKeys: String, CodingKey {
            case concurrency, spacing
            case requestsPerSecond = "requests_per_second"
        }
    }
}
