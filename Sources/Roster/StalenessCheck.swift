import RosterModel

/// Finds the objects a saved plan touches that moved since it was made (per object, not per plan).
struct StalenessCheck {
    let plan: Plan
    let live: LiveState

    /// An object that changed since planning.
    struct StaleObject: CustomStringConvertible {
        /// The object (`user` or `group` address) that moved.
        var object: ResourceAddress
        /// What moved, in words.
        var detail: String

        var description: String { "\(object): \(detail)" }
    }

    func staleObjects() -> [StaleObject] {
        var current: [ResourceAddress: LiveObject<User>] = [:]
        var groups: [ResourceAddress: LiveObject<Group>] = [:]
        var skills: [ResourceAddress: String] = [:]
        for (provider, resources) in live.providers {
            for user in resources.users { current[.user(provider, user.value.key)] = user }
            for group in resources.groups { groups[.group(provider, group.value.key)] = group }
            for skill in resources.skills { skills[.skill(provider, skill.value.name)] = skill.fingerprint }
        }
        var stale: [ResourceAddress: StaleObject] = [:]
        for step in plan.steps where step.action != .manual {
            let object = Self.object(of: step.address)
            guard stale[object] == nil else { continue }
            let now: String? = current[object]?.fingerprint ?? groups[object]?.fingerprint ?? skills[object]
            if step.fingerprint == nil {
                if step.action == .create, now != nil {
                    stale[object] = StaleObject(object: object, detail: "now exists; the plan meant to create it")
                }
                continue
            }
            guard now != step.fingerprint else { continue }
            stale[object] = StaleObject(
                object: object, detail: describe(step, user: current[object]?.value, exists: now != nil))
        }
        return stale.values.sorted { $0.object < $1.object }
    }

    /// What moved: attribute values that differ from what the plan saw, or that it vanished.
    func describe(_ step: PlanStep, user: User?, exists: Bool) -> String {
        guard exists else { return "no longer exists" }
        guard let user else { return "changed since the plan (members or attributes)" }
        var moved: [String] = []
        for change in step.changes {
            let now: AttributeValue? = change.name == "active" ? .bool(user.active) : user.attributes[change.name]
            if now?.normalized != change.before?.normalized {
                moved.append(
                    "\(change.name) was \(change.before?.description ?? "unset") when planned, is now \(now?.description ?? "unset")"
                )
            }
        }
        return moved.isEmpty
            ? "changed since the plan (attributes the plan does not touch)" : moved.joined(separator: "; ")
    }

    /// The object whose fingerprint a step carries: memberships carry the group's, skill assignments the user's.
    static func object(of address: ResourceAddress) -> ResourceAddress {
        switch address.kind {
        case .user, .group, .skill: address
        case .membership: .group(address.provider, address.keys[0])
        case .userSkill: .user(address.provider, address.keys[0])
        }
    }

    /// The saved plan with every step on a stale object replaced by the fresh plan's steps for it.
    static func replan(_ saved: Plan, fresh: Plan, stale: Set<ResourceAddress>) -> Plan {
        var merged = saved
        merged.steps = saved.steps.filter { !stale.contains(object(of: $0.address)) }
        let kept = Set(merged.steps.map(\.id))
        merged.steps += fresh.steps.filter { stale.contains(object(of: $0.address)) && !kept.contains($0.id) }
        merged.diagnostics = fresh.diagnostics
        merged.violations = fresh.violations
        return merged
    }
}
