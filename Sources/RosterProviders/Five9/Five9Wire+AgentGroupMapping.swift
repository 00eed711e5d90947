import RosterModel

extension Five9Wire.AgentGroup {
    /// The group in roster's vocabulary (id = name, members lowercased); nil without a name.
    ///
    /// Agent groups have no `externalId`: roster's marker lives in `description` (set when roster creates one).
    func toModel() -> LiveObject<Group>? {
        guard let name, !name.isEmpty else { return nil }
        let marker = description.flatMap { Ownership.isOwned($0) ? $0 : nil }
        return LiveObject(id: name, value: Group(name: name, externalId: marker, members: agents ?? []))
    }

    /// The member userName whose lowercased form is `key`, as Five9 spells it.
    func member(_ key: String) -> String? { agents?.first { $0.lowercased() == key } }
}
