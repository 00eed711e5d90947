import RosterModel

extension Plan {
    /// The live objects applying this plan needs read first, by provider: each step's object (whose fingerprint the
    /// staleness check compares) and every object a step needs a vendor id for (the user of a membership or a
    /// skill assignment, the group of a membership, the assigned skill).
    ///
    /// Manual steps are never executed, so they need nothing.
    var touchedObjects: [String: Set<ResourceAddress>] {
        var objects: [String: Set<ResourceAddress>] = [:]
        for step in steps where step.action != .manual {
            let address = step.address
            var touched = [StalenessCheck.object(of: address)]
            switch address.kind {
            case .user, .group, .skill: break
            case .membership: touched.append(.user(address.provider, address.keys[1]))
            case .userSkill: touched.append(.skill(address.provider, address.keys[1]))
            }
            objects[address.provider, default: []].formUnion(touched)
        }
        return objects
    }
}
