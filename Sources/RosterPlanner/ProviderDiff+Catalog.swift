import RosterModel

extension ProviderDiff {
    /// Reports names a user references that the platform does not have (roles, divisions, routing skills…).
    mutating func checkCatalog(_ user: User) {
        for (catalogKind, attribute) in capabilities.catalogReferences.sorted(by: { $0.key < $1.key }) {
            guard let known = live.catalog[catalogKind], let value = user.attributes[attribute] else { continue }
            let knownSet = Set(known)
            let names: [String]
            switch value {
            case .string(let name): names = [name]
            case .list(let list): names = list
            case .levels(let levels): names = levels.keys.sorted()
            case .bool, .int: names = []
            }
            for missing in names where !knownSet.contains(missing) {
                diagnostics.append(
                    .error(
                        "missing-on-platform",
                        "\(catalogKind) '\(missing)' for '\(user.userName)' does not exist on \(name)",
                        at: user.origin,
                        hint: "create it on \(name) first, or fix the name; it has: \(Self.sample(known))"))
            }
        }
    }

    /// Up to five names, for hints.
    static func sample(_ names: [String]) -> String {
        let sorted = names.sorted()
        let head = sorted.prefix(5).joined(separator: ", ")
        return sorted.count > 5 ? head + ", …" : head
    }
}
