public import RosterModel

extension Five9Provider {
    /// Reads the touched object fresh (one exact-name query) and tells whether the step's effect is already there.
    public func isApplied(_ step: PlanStep) async throws -> Bool {
        try await translatingFaults(Self.describe(step.address)) {
            let first = step.address.keys[0]
            switch step.address.kind {
            case .user, .userSkill:
                users[first] = nil
                guard let info = try await lookUpUser(first) else {
                    // A user that is gone has no skills left either.
                    return step.action == .delete || (step.address.kind == .userSkill && step.action == .remove)
                }
                if let scim {
                    scimUsers[first] = nil
                    _ = try await scimID(first, scim: scim)
                }
                return step.address.kind == .user ? userMatches(step, info) : skillMatches(step, info)
            case .group:
                groups[first] = nil
                return (try await agentGroup(first) != nil) == (step.action == .create)
            case .membership:
                groups[first] = nil
                guard let group = try await agentGroup(first) else { return step.action == .remove }
                return (group.member(step.address.keys[1]) != nil) == (step.action == .add)
            case .skill:
                return (try await soap.skill(named: first) != nil) == (step.action == .create)
            }
        }
    }

    /// Whether a live user already shows a user step's outcome.
    func userMatches(_ step: PlanStep, _ info: Five9Wire.UserInfo) -> Bool {
        guard let live = model(of: info)?.value else { return false }
        switch step.action {
        case .create:
            guard let user = step.user else { return true }
            return live.externalId == user.externalId && Set(live.roles) == Set(user.roles)
        case .delete: return false
        case .deactivate, .reactivate, .update:
            return step.changes.allSatisfy { change in
                if change.name == "active" { return change.after == .bool(live.active) }
                if change.name == "externalId" { return change.after == live.externalId.map(AttributeValue.string) }
                guard let after = change.after else { return true }
                return Self.same(live.attributes[change.name], after, attribute: change.name)
            }
        case .add, .modify, .remove, .manual: return false
        }
    }

    /// Whether a live user already shows a skill-assignment step's outcome.
    func skillMatches(_ step: PlanStep, _ info: Five9Wire.UserInfo) -> Bool {
        let level = model(of: info)?.value.skills[step.address.keys[1]]
        return step.action == .remove ? level == nil : level == (step.level ?? 1)
    }

    /// Whether a live value equals a desired one (emails ignore case, lists ignore order).
    static func same(_ live: AttributeValue?, _ desired: AttributeValue, attribute: String) -> Bool {
        if attribute == Attribute.email, case .string(let a) = live, case .string(let b) = desired {
            return a.lowercased() == b.lowercased()
        }
        return live?.normalized == desired.normalized
    }
}
