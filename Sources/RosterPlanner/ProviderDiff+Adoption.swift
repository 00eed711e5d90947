import RosterModel

extension ProviderDiff {
    /// Whether a matched live user gets roster's ownership marker in this plan (`policy adopt: true`).
    ///
    /// Only users without an `externalId` are adopted: a value another system wrote (an IdP's link to its own
    /// record) is never overwritten; such users stay unowned, with a warning that names the value.
    mutating func adoption(of existing: LiveObject<User>) -> Bool {
        guard provider.policy.adopt, !Ownership.isOwned(existing.value.externalId) else { return false }
        if let foreign = existing.value.externalId, !foreign.isEmpty {
            diagnostics.append(
                .warning(
                    "adopt-foreign-marker",
                    "\(name) user '\(existing.value.userName)' is not adopted: its externalId '\(foreign)' was set by another system",
                    at: desiredUsers[existing.value.key]?.origin,
                    hint: "clear the externalId in \(name) if roster should own this user"))
            return false
        }
        return true
    }

    /// The change that writes roster's marker over what the live user carries.
    static func markerChange(_ live: User, key: String) -> AttributeChange {
        AttributeChange(
            name: "externalId", before: live.externalId.map(AttributeValue.string),
            after: .string(Ownership.marker(for: key)))
    }
}
