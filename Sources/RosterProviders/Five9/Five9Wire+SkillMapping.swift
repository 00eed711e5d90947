import RosterModel

extension Five9Wire.Skill {
    /// The skill in roster's vocabulary (id = name); nil without a name.
    func toModel() -> LiveObject<Skill>? {
        guard let name, !name.isEmpty else { return nil }
        return LiveObject(id: name, value: Skill(name: name, description: description))
    }
}
