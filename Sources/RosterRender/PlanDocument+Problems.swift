public import RosterModel

extension PlanDocument {
    /// A planning diagnostic on the wire.
    public struct DiagnosticEntry: Codable, Sendable, Hashable {
        /// How bad it is.
        public var severity: Diagnostic.Severity
        /// A stable identifier such as `missing-group`.
        public var code: String
        /// What is wrong.
        public var message: String
        /// Where it is.
        public var location: LocationEntry?
        /// How to fix it.
        public var hint: String?
        /// Other places that matter.
        public var related: [LocationEntry]
    }

    /// A safety limit the plan exceeds, on the wire.
    public struct ViolationEntry: Codable, Sendable, Hashable {
        /// The provider.
        public var provider: String
        /// The kind of change.
        public var kind: SafetyViolation.Kind
        /// What was counted.
        public var count: Int
        /// Out of how many.
        public var population: Int
        /// The limit, as a share (0...1) or a count.
        public var limit: Double
        /// A sentence for humans.
        public var message: String
        /// The `--allow` value that unlocks it, `provider:kind` (never accepted for `lockout`).
        public var allowance: String
    }
}
