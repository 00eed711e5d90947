import RosterModel

/// Blast-radius limits and lock-out guards for one provider's steps (octoDNS thresholds, peribolos admin guards).
struct SafetyCheck {
    let context: ProviderDiff
    let steps: [PlanStep]

    private var name: String { context.name }
    private var limits: SafetyLimits { context.provider.policy.limits }

    /// Every limit the steps exceed.
    func violations() -> [SafetyViolation] {
        deprovisionShare() + assignmentRemovals() + deleteCount() + lockouts()
    }

    /// Users deactivated or deleted, as a share of live users.
    private func deprovisionShare() -> [SafetyViolation] {
        let count = steps.filter { $0.address.kind == .user && ($0.action == .deactivate || $0.action == .delete) }
            .count
        let population = context.live.users.count
        guard count > 0, population >= limits.minPopulation else { return [] }
        let share = Double(count) / Double(population)
        guard share > limits.deprovisionShare else { return [] }
        return [
            SafetyViolation(
                provider: name, kind: .deprovision, count: count, population: population,
                limit: limits.deprovisionShare,
                message:
                    "would deprovision \(count) of \(population) users (\(Self.percent(share))), over the \(Self.percent(limits.deprovisionShare)) limit"
            )
        ]
    }

    /// Role and skill assignments removed, as a share of all live assignments.
    private func assignmentRemovals() -> [SafetyViolation] {
        var population = 0
        for user in context.live.users { population += user.value.roles.count + user.value.skills.count }
        var removed = steps.filter { $0.address.kind == .userSkill && $0.action == .remove }.count
        for step in steps where step.address.kind == .user {
            for change in step.changes where change.name == Attribute.roles || change.name == Attribute.skills {
                removed += Self.names(change.before).subtracting(Self.names(change.after)).count
            }
        }
        guard removed > 0, population >= limits.minPopulation else { return [] }
        let share = Double(removed) / Double(population)
        guard share > limits.assignmentRemovalShare else { return [] }
        return [
            SafetyViolation(
                provider: name, kind: .assignmentRemoval, count: removed, population: population,
                limit: limits.assignmentRemovalShare,
                message:
                    "would remove \(removed) of \(population) role and skill assignments (\(Self.percent(share))), over the \(Self.percent(limits.assignmentRemovalShare)) limit"
            )
        ]
    }

    /// Hard deletes, as a count.
    private func deleteCount() -> [SafetyViolation] {
        let count = steps.filter { $0.action == .delete }.count
        guard count > limits.maxDeletes else { return [] }
        return [
            SafetyViolation(
                provider: name, kind: .delete, count: count, population: context.live.users.count,
                limit: Double(limits.maxDeletes),
                message: "would hard-delete \(count) objects, over the limit of \(limits.maxDeletes)")
        ]
    }

    /// Protected identities or the last admin losing access.
    ///
    /// Never allowed.
    private func lockouts() -> [SafetyViolation] {
        var result: [SafetyViolation] = []
        let protected = Set(context.provider.policy.protect)
        let admins = context.capabilities.adminRoles
        var adminsAfter = Set(
            context.live.users.filter { $0.value.active && !$0.value.roles.filter(admins.contains).isEmpty }.map(
                \.value.key))
        let adminsBefore = adminsAfter.count
        for step in steps where step.address.kind == .user {
            guard let key = step.address.userKey else { continue }
            let losesAccess = step.action == .deactivate || step.action == .delete
            let losesAdmin = step.changes.contains {
                $0.name == Attribute.roles && !Self.names($0.before).filter(admins.contains).isEmpty
                    && Self.names($0.after).filter(admins.contains).isEmpty
            }
            if losesAccess || losesAdmin { adminsAfter.remove(key) }
            if protected.contains(key) && (losesAccess || losesAdmin) {
                result.append(
                    SafetyViolation(
                        provider: name, kind: .lockout, count: 1, population: protected.count, limit: 0,
                        message:
                            "would \(losesAccess ? "deprovision" : "remove the admin role of") protected identity '\(key)'"
                    ))
            }
        }
        if !admins.isEmpty && adminsBefore > 0 && adminsAfter.isEmpty {
            result.append(
                SafetyViolation(
                    provider: name, kind: .lockout, count: adminsBefore, population: adminsBefore, limit: 0,
                    message:
                        "would leave \(name) without any active user holding an admin role (\(admins.sorted().joined(separator: ", ")))"
                ))
        }
        return result
    }

    private static func names(_ value: AttributeValue?) -> Set<String> {
        switch value {
        case .list(let list): Set(list)
        case .levels(let levels): Set(levels.keys)
        case .string, .bool, .int, nil: []
        }
    }

    private static func percent(_ share: Double) -> String {
        let value = share * 100
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }
}
