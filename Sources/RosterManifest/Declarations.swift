import RosterModel
import RosterYAML

// The manifest as read, before cross-references are resolved: each declaration keeps where it was written.

/// A `policy` block (top level or per provider); unset fields inherit.
struct PolicyDecl {
    /// Where the block starts (its key).
    var location: SourceLocation
    var prune: PrunePolicy?
    var deprovision: Located<DeprovisionMode>?
    var protect: [String]?
    var deprovisionShare: Double?
    var assignmentRemovalShare: Double?
    var maxDeletes: Int?
    var minPopulation: Int?
    var adopt: Bool?

    /// `base` with every field this block sets replaced (limits field by field).
    func applied(to base: ProviderPolicy) -> ProviderPolicy {
        var policy = base
        if let prune { policy.prune = prune }
        if let deprovision { policy.deprovision = deprovision.value }
        if let protect { policy.protect = protect.map { $0.lowercased() } }
        if let deprovisionShare { policy.limits.deprovisionShare = deprovisionShare }
        if let assignmentRemovalShare { policy.limits.assignmentRemovalShare = assignmentRemovalShare }
        if let maxDeletes { policy.limits.maxDeletes = maxDeletes }
        if let minPopulation { policy.limits.minPopulation = minPopulation }
        if let adopt { policy.adopt = adopt }
        return policy
    }
}

/// A provider, with its configuration read so far (the policy is resolved after all files are read).
struct ProviderDecl {
    var config: ProviderConfig
    var policy: PolicyDecl?
    /// Where the provider's name is written.
    var location: SourceLocation
}

/// One `providerName: {settings}` entry of a person's `accounts` or of a profile; decoded once provider types
/// are known.
struct AccountDecl {
    var provider: String
    /// Where the provider name is written.
    var location: SourceLocation
    var node: YAMLNode
}

/// A `profiles` entry.
struct ProfileDecl {
    var name: String
    var location: SourceLocation
    var accounts: [AccountDecl]
}

/// A `people` item.
struct PersonDecl {
    var userName: String
    /// Where the person's mapping starts.
    var location: SourceLocation
    var givenName: String?
    var familyName: String?
    /// displayName, email, title, department, locale, timezone, phone as written.
    var attributes: [String: String]
    var manager: Located<String>?
    var active: Bool?
    var profiles: [Located<String>]
    var profilesLocation: SourceLocation?
    var accounts: [AccountDecl]
}

/// A `groups` item.
struct GroupDecl {
    var name: String
    var location: SourceLocation
    var on: [Located<String>]
    var members: [Located<String>]
}

/// A declared skill of one provider.
struct SkillDecl {
    var provider: String
    var name: String
    var description: String?
    var location: SourceLocation
}
