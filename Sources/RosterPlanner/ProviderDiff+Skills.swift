import RosterModel

extension ProviderDiff {
    /// Creates skills the manifests declare and the platform lacks; deletes undeclared ones only under `prune: all`.
    mutating func diffSkills() {
        let liveNames = Set(live.skills.map(\.value.name))
        let desiredNames = Set(desired.skills.map(\.name))
        for skill in desired.skills where !liveNames.contains(skill.name) {
            guard capabilities.creatableKinds.contains(.skill) else {
                diagnostics.append(
                    .error(
                        "skill-missing", "skill '\(skill.name)' does not exist on \(name) and cannot be created there",
                        at: skill.origin))
                continue
            }
            steps.append(
                PlanStep(
                    address: .skill(name, skill.name), action: .create,
                    changes: [AttributeChange(name: "name", before: nil, after: .string(skill.name))],
                    reason: "declared in the manifests, not on \(name)", estimatedCalls: calls(.create),
                    origin: skill.origin))
        }
        guard provider.policy.prune == .all else {
            return
        }
        for skill in live.skills.sorted(by: { $0.value.name < $1.value.name })
        where !desiredNames.contains(skill.value.name) {
            steps.append(
                PlanStep(
                    address: .skill(name, skill.value.name), action: .delete,
                    reason: "not in the manifests (prune: all)",
                    liveID: skill.id, fingerprint: skill.fingerprint, estimatedCalls: calls(.delete)))
        }
    }

    /// Adds, modifies and removes skill assignments as steps of their own (Five9), levels included.
    mutating func diffUserSkills() {
        let known = Set(live.skills.map(\.value.name)).union(desired.skills.map(\.name))
        for key in desiredUsers.keys.sorted() {
            let user = desiredUsers[key]!
            guard user.attributes[Attribute.skills] != nil else { continue }  // skills not managed for this user
            let current = liveUsers[key]?.value.skills ?? [:]
            let wanted = user.skills
            for (skill, level) in wanted.sorted(by: { $0.key < $1.key }) {
                guard known.contains(skill) else {
                    diagnostics.append(
                        .error(
                            "skill-missing",
                            "skill '\(skill)' for '\(user.userName)' is neither on \(name) nor declared",
                            at: user.origin, hint: "declare it under skills.\(name)"))
                    continue
                }
                if let had = current[skill] {
                    if had != level {
                        assignSkill(user.key, skill, level, action: .modify, before: had, origin: user.origin)
                    }
                } else {
                    assignSkill(user.key, skill, level, action: .add, before: nil, origin: user.origin)
                }
            }
            for (skill, had) in current.sorted(by: { $0.key < $1.key }) where wanted[skill] == nil {
                assignSkill(user.key, skill, had, action: .remove, before: had, origin: user.origin)
            }
        }
        removeSkillsOfDeletedUsers()
    }

    /// Skill assignments go before a user is hard-deleted (Five9 ordering).
    mutating func removeSkillsOfDeletedUsers() {
        let deleted = steps.filter { $0.address.kind == .user && $0.action == .delete }.compactMap(\.address.userKey)
        for key in deleted.sorted() {
            for (skill, level) in (liveUsers[key]?.value.skills ?? [:]).sorted(by: { $0.key < $1.key }) {
                assignSkill(key, skill, level, action: .remove, before: level, origin: nil)
            }
        }
    }

    /// One assignment step.
    mutating func assignSkill(
        _ user: String, _ skill: String, _ level: Int, action: Action, before: Int?, origin: SourceLocation?
    ) {
        let live = liveUsers[user]
        let changes = [
            AttributeChange(
                name: "level", before: before.map(AttributeValue.int), after: action == .remove ? nil : .int(level))
        ]
        steps.append(
            PlanStep(
                address: .userSkill(name, user: user, skill: skill), action: action, changes: changes,
                reason: action == .remove ? "not assigned in the manifests" : "assigned in the manifests",
                liveID: live?.id, fingerprint: live?.fingerprint, level: level, estimatedCalls: calls(action),
                origin: origin))
    }
}
