import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// A `policy` block: prune, deprovision, adopt, protect and limits, each optional.
    func decodePolicy(_ node: YAMLNode, at location: SourceLocation, context: String) -> PolicyDecl? {
        guard let fields = diagnostics.fields(node, "'policy'", allowed: ManifestKeys.policy, in: context) else {
            return nil
        }
        var policy = PolicyDecl(location: location)
        if let pair = fields["prune"] { policy.prune = enumValue(pair.value, "'prune'") }
        if let pair = fields["deprovision"], let mode: DeprovisionMode = enumValue(pair.value, "'deprovision'") {
            policy.deprovision = Located(value: mode, location: pair.value.location)
        }
        if let pair = fields["adopt"] { policy.adopt = diagnostics.bool(pair.value, "'adopt'") }
        if let pair = fields["protect"] {
            policy.protect = diagnostics.stringList(pair.value, "'protect'")?.map(\.value)
        }
        if let pair = fields["limits"],
            let limits = diagnostics.fields(
                pair.value, "'limits'", allowed: ManifestKeys.limits, in: "\(context) limits")
        {
            if let pair = limits["deprovisionShare"] {
                policy.deprovisionShare = diagnostics.number(pair.value, "'deprovisionShare'", in: 0...1)
            }
            if let pair = limits["assignmentRemovalShare"] {
                policy.assignmentRemovalShare = diagnostics.number(pair.value, "'assignmentRemovalShare'", in: 0...1)
            }
            if let pair = limits["maxDeletes"] {
                policy.maxDeletes = diagnostics.integer(pair.value, "'maxDeletes'", in: 0...Int.max)
            }
            if let pair = limits["minPopulation"] {
                policy.minPopulation = diagnostics.integer(pair.value, "'minPopulation'", in: 0...Int.max)
            }
        }
        return policy
    }
}
