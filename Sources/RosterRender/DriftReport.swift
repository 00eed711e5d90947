public import Foundation
public import RosterModel

/// What a drift check (`roster plan --drift`) found.
///
/// Four kinds, which a reviewer treats differently:
///
/// - `changed`: objects roster manages whose live state differs from the manifests (changed outside roster),
/// - `missing`: objects the manifests declare that the platform does not hold (deleted outside roster, or never
///   applied),
/// - `orphaned`: objects roster owns that the manifests no longer declare (the next apply deprovisions them),
/// - `unmanaged`: live objects without roster's marker that the manifests do not declare (created outside roster,
///   left alone); with a baseline (an earlier report), those absent from it are marked new.
///
/// Made from a plan and the live and desired state it was computed from; the JSON form is versioned.
public struct DriftReport: Codable, Sendable, Hashable {
    /// The format this roster writes.
    public static let currentFormatVersion = 1

    /// The document format.
    public var formatVersion: Int
    /// When the check ran, ISO 8601 in UTC.
    public var createdAt: String
    /// Counts per provider, sorted by name.
    public var providers: [ProviderCounts]
    /// Managed objects changed outside roster.
    public var changed: [Entry]
    /// Declared objects the platform does not hold.
    public var missing: [Entry]
    /// Owned objects no longer declared.
    public var orphaned: [Entry]
    /// Live objects without roster's marker that the manifests do not declare.
    public var unmanaged: [UnmanagedEntry]
    /// Whether unmanaged objects were compared with a baseline (`new` is then meaningful).
    public var hasBaseline: Bool

    /// One step's worth of drift: the object, what roster would do, and each attribute's live and desired value.
    public struct Entry: Codable, Sendable, Hashable {
        /// The object's address, for example `corp.user["ana@acme.example"]`.
        public var address: String
        /// The provider.
        public var provider: String
        /// The kind of object.
        public var kind: ResourceKind
        /// The natural keys.
        public var keys: [String]
        /// What apply would do about it.
        public var action: Action
        /// Each differing attribute: live value (`before`) and declared value (`after`).
        public var changes: [PlanDocument.ChangeEntry]
        /// Why the planner proposes the step.
        public var reason: String
    }

    /// A live object roster does not manage.
    public struct UnmanagedEntry: Codable, Sendable, Hashable {
        /// The provider.
        public var provider: String
        /// `user` or `group`.
        public var kind: ResourceKind
        /// The userName or group name.
        public var name: String
        /// The vendor's id.
        public var id: String
        /// Whether the account is active (users only).
        public var active: Bool?
        /// Absent from the baseline report (only meaningful when the report has one).
        public var new: Bool
    }

    /// Counts for one provider.
    public struct ProviderCounts: Codable, Sendable, Hashable {
        /// Provider name.
        public var name: String
        /// Provider type.
        public var type: ProviderType
        /// Managed objects changed outside roster.
        public var changed: Int
        /// Declared objects missing on the platform.
        public var missing: Int
        /// Owned objects no longer declared.
        public var orphaned: Int
        /// Objects roster does not manage.
        public var unmanaged: Int
        /// Unmanaged objects absent from the baseline.
        public var new: Int
    }

    enum CodingKeys: String, CodingKey {
        case providers, changed, missing, orphaned, unmanaged
        case formatVersion = "format_version"
        case createdAt = "created_at"
        case hasBaseline = "has_baseline"
    }

    /// Whether anything drifted or waits to be applied (unmanaged objects alone do not count).
    public var hasDrift: Bool { !(changed.isEmpty && missing.isEmpty && orphaned.isEmpty) }

    /// The report as pretty JSON with sorted keys.
    public static func encode(_ report: DriftReport) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(report)
        } catch {
            preconditionFailure("a drift report could not be encoded: \(error)")
        }
    }

    /// Reads a report written by `encode`, for use as a baseline.
    ///
    /// - Throws: `DecodingError` for anything that is not a drift report of this format.
    public static func decode(_ data: Data) throws -> DriftReport {
        try JSONDecoder().decode(DriftReport.self, from: data)
    }
}
