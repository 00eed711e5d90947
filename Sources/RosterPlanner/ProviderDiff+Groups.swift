import RosterModel

extension ProviderDiff {
    /// Creates and deletes groups, and adds and removes memberships (members are authoritative).
    mutating func diffGroups() {
        var liveGroups: [String: LiveObject<Group>] = [:]
        for group in live.groups { liveGroups[group.value.key] = group }
        let desiredNames = Set(desired.groups.map(\.key))
        for group in desired.groups {
            if let existing = liveGroups[group.key] {
                diffMembers(group, live: existing)
            } else if capabilities.creatableKinds.contains(.group) {
                createGroup(group)
            } else {
                diagnostics.append(
                    .error(
                        "group-missing",
                        "group '\(group.name)' does not exist on \(name), and \(provider.type) groups cannot be created through its API",
                        at: group.origin,
                        hint: "create '\(group.name)' in the \(provider.type) admin console, then plan again"))
            }
        }
        for group in live.groups.sorted(by: { $0.value.key < $1.value.key })
        where !desiredNames.contains(group.value.key) {
            pruneGroup(group)
        }
    }

    /// A create step for a missing group, followed by one add per member.
    mutating func createGroup(_ group: Group) {
        var payload = group
        payload.members = []
        payload.externalId = Ownership.marker(for: group.key)
        steps.append(
            PlanStep(
                address: .group(name, group.key), action: .create,
                changes: [AttributeChange(name: "displayName", before: nil, after: .string(group.name))],
                method: "POST",
                reason: "in the manifests, not on \(name)", group: payload, estimatedCalls: calls(.create),
                origin: group.origin))
        for member in group.members { addMember(member, to: group, liveID: nil) }
    }

    /// Membership adds and removes for a group on both sides.
    mutating func diffMembers(_ group: Group, live existing: LiveObject<Group>) {
        let current = Set(existing.value.members)
        let wanted = Set(group.members)
        for member in group.members where !current.contains(member) {
            addMember(member, to: group, liveID: existing.id)
        }
        for member in existing.value.members.sorted() where !wanted.contains(member) {
            steps.append(
                PlanStep(
                    address: .membership(name, group: group.key, user: member), action: .remove, method: "PATCH",
                    reason: "not a member of '\(group.name)' in the manifests", liveID: existing.id,
                    fingerprint: existing.fingerprint, estimatedCalls: calls(.remove), origin: group.origin))
        }
    }

    /// One membership add.
    mutating func addMember(_ member: String, to group: Group, liveID: String?) {
        steps.append(
            PlanStep(
                address: .membership(name, group: group.key, user: member), action: .add, method: "PATCH",
                reason: "a member of '\(group.name)' in the manifests", liveID: liveID,
                estimatedCalls: calls(.add), origin: group.origin))
    }

    /// Deletes a live group absent from the manifests when policy allows and roster owns it.
    mutating func pruneGroup(_ existing: LiveObject<Group>) {
        let owned = Ownership.isOwned(existing.value.externalId)
        let allowed: Bool
        switch provider.policy.prune {
        case .none: allowed = false
        case .owned: allowed = owned
        case .all: allowed = true
        }
        guard allowed, capabilities.creatableKinds.contains(.group) else {
            unmanagedGroups += 1
            return
        }
        for member in existing.value.members {
            steps.append(
                PlanStep(
                    address: .membership(name, group: existing.value.key, user: member), action: .remove,
                    method: "PATCH", reason: "group '\(existing.value.name)' is being deleted", liveID: existing.id,
                    fingerprint: existing.fingerprint, estimatedCalls: calls(.remove)))
        }
        steps.append(
            PlanStep(
                address: .group(name, existing.value.key), action: .delete, method: "DELETE",
                reason: owned ? "not in the manifests and owned by roster" : "not in the manifests (prune: all)",
                liveID: existing.id, fingerprint: existing.fingerprint, estimatedCalls: calls(.delete)))
    }
}
