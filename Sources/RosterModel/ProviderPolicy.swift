/// What happens to live users that no manifest declares.
public enum PrunePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Deprovision only objects roster created (ownership marker); list the rest as unmanaged.
    case owned
    /// The manifests are authoritative for the provider, except for protected identities.
    case all
    /// Never deprovision.
    case none
}

/// What deprovisioning means for a provider.
public enum DeprovisionMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Set `active=false`: reversible, keeps history.
    case deactivate
    /// Hard delete, where the vendor supports it.
    case delete
}

/// Per-provider policy from the manifest (provider block over top-level `policy`).
public struct ProviderPolicy: Sendable, Hashable, Codable {
    /// What happens to live users absent from the manifests.
    public var prune: PrunePolicy
    /// Deactivate or delete.
    public var deprovision: DeprovisionMode
    /// userNames (lowercased) that roster never deprovisions nor strips of admin roles.
    public var protect: [String]
    /// Blast-radius limits; apply refuses a plan over them without a scoped allowance.
    public var limits: SafetyLimits

    /// Creates a policy; the defaults are the safe ones.
    public init(
        prune: PrunePolicy = .owned, deprovision: DeprovisionMode = .deactivate, protect: [String] = [],
        limits: SafetyLimits = SafetyLimits()
    ) {
        self.prune = prune
        self.deprovision = deprovision
        self.protect = protect
        self.limits = limits
    }
}

/// Thresholds above which a plan is unsafe (octoDNS-style, but scoped per provider and per kind of change).
public struct SafetyLimits: Sendable, Hashable, Codable {
    /// Largest share of a provider's users a plan may deprovision (0...1).
    public var deprovisionShare: Double
    /// Largest share of role or skill assignments a plan may remove (0...1).
    public var assignmentRemovalShare: Double
    /// Largest number of hard deletes in one plan.
    public var maxDeletes: Int
    /// Share thresholds apply only when the provider has at least this many users or assignments.
    public var minPopulation: Int

    /// Creates limits; the defaults are conservative and documented in the README.
    public init(
        deprovisionShare: Double = 0.10, assignmentRemovalShare: Double = 0.25, maxDeletes: Int = 10,
        minPopulation: Int = 20
    ) {
        self.deprovisionShare = deprovisionShare
        self.assignmentRemovalShare = assignmentRemovalShare
        self.maxDeletes = maxDeletes
        self.minPopulation = minPopulation
    }
}
