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
    /// Whether live users the manifests declare but roster did not create get roster's ownership marker, so that
    /// `prune: owned` treats them as roster's from then on (`roster import --adopt` sets it).
    public var adopt: Bool

    /// Creates a policy; the defaults are the safe ones.
    public init(
        prune: PrunePolicy = .owned, deprovision: DeprovisionMode = .deactivate, protect: [String] = [],
        limits: SafetyLimits = SafetyLimits(), adopt: Bool = false
    ) {
        self.prune = prune
        self.deprovision = deprovision
        self.protect = protect
        self.limits = limits
        self.adopt = adopt
    }

    private enum CodingKeys: String, CodingKey {
        case prune, deprovision, protect, limits, adopt
    }

    /// Decodes a policy; `adopt` is optional so plan files written before it existed still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prune = try container.decode(PrunePolicy.self, forKey: .prune)
        deprovision = try container.decode(DeprovisionMode.self, forKey: .deprovision)
        protect = try container.decode([String].self, forKey: .protect)
        limits = try container.decode(SafetyLimits.self, forKey: .limits)
        adopt = try container.decodeIfPresent(Bool.self, forKey: .adopt) ?? false
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
