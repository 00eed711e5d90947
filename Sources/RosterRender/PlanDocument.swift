public import Foundation
public import RosterModel

/// The versioned, public JSON form of a plan (`schemas/plan.v1.schema.json`); every other rendering is made from it.
///
/// The document carries every field of every step, including the desired user and group payloads, so
/// `roster apply plan.json` can run from a saved plan with no manifest. Wire names are snake_case through explicit
/// `CodingKeys`, so dictionary keys (attribute names, skill names) are written exactly as they are.
public struct PlanDocument: Codable, Sendable, Hashable {
    /// The format this roster writes, and the only one it reads.
    public static let currentFormatVersion = 1

    /// The document format; always `currentFormatVersion` for a document this roster made or read.
    public var formatVersion: Int
    /// The roster version that made the plan.
    public var rosterVersion: String
    /// When the plan was made, ISO 8601 in UTC with whole seconds: `2026-01-01T00:00:00Z`.
    public var createdAt: String
    /// A digest of the manifests the plan was made from, when the caller supplied one.
    public var manifestDigest: String?
    /// The manifest path the plan was made from, as given to `roster plan`, so `roster apply FILE` finds them.
    public var manifestPath: String?
    /// A digest of this document (computed by the caller over the document without it), for integrity checks.
    public var planDigest: String?
    /// Totals over all providers.
    public var summary: Summary
    /// One entry per provider, sorted by name, including providers with nothing to do.
    public var providers: [ProviderEntry]
    /// Every step, in execution order.
    public var steps: [StepEntry]
    /// Problems found while planning; errors make apply refuse the plan.
    public var diagnostics: [DiagnosticEntry]
    /// Safety limits the plan exceeds; apply refuses unless each is allowed by name.
    public var violations: [ViolationEntry]

    /// Facts about a plan that are not in the plan itself: who made it, when, and from what.
    public struct Metadata: Sendable, Hashable {
        /// The roster version that made the plan.
        public var rosterVersion: String
        /// When the plan was made; written with whole seconds.
        public var createdAt: Date
        /// A digest of the manifests, such as `sha256:…`.
        public var manifestDigest: String?
        /// A digest of the plan document, when already known.
        public var planDigest: String?
        /// The manifest path the plan was made from.
        public var manifestPath: String?

        /// Creates metadata; the version defaults to this roster's.
        public init(
            rosterVersion: String = RosterVersion.current, createdAt: Date, manifestDigest: String? = nil,
            planDigest: String? = nil, manifestPath: String? = nil
        ) {
            self.rosterVersion = rosterVersion
            self.createdAt = createdAt
            self.manifestDigest = manifestDigest
            self.planDigest = planDigest
            self.manifestPath = manifestPath
        }
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case rosterVersion = "roster_version"
        case createdAt = "created_at"
        case manifestDigest = "manifest_digest"
        case manifestPath = "manifest_path"
        case planDigest = "plan_digest"
        case summary
        case providers
        case steps
        case diagnostics
        case violations
    }

    /// Makes the document for a plan; `plan()` gives the same plan back.
    public init(plan: Plan, metadata: Metadata) {
        self.formatVersion = Self.currentFormatVersion
        self.rosterVersion = metadata.rosterVersion
        self.createdAt = PlanFormat.timestamp(metadata.createdAt)
        self.manifestDigest = metadata.manifestDigest
        self.manifestPath = metadata.manifestPath
        self.planDigest = metadata.planDigest
        self.summary = Summary(plan: plan)
        self.providers = plan.providers.map(ProviderEntry.init)
        self.steps = plan.steps.map(StepEntry.init)
        self.diagnostics = plan.diagnostics.map(DiagnosticEntry.init)
        self.violations = plan.violations.map(ViolationEntry.init)
    }

    /// The plan this document describes, exactly as it was given to `init(plan:metadata:)`.
    public func plan() -> Plan {
        Plan(
            steps: steps.map { $0.model() }, providers: providers.map { $0.model() },
            diagnostics: diagnostics.map { $0.model() }, violations: violations.map { $0.model() })
    }

    /// The creation time as a date, or `nil` when `createdAt` is not ISO 8601.
    public var createdDate: Date? { try? Date(createdAt, strategy: .iso8601) }

    /// Whether apply has nothing to do.
    public var isEmpty: Bool { steps.isEmpty }

    /// Whether planning found errors that make the plan unusable.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
