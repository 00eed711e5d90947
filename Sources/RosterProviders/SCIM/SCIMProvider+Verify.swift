import Foundation
public import RosterModel

extension SCIMProvider {
    /// Reads the object fresh and tells whether the step's effect is already there.
    public func isApplied(_ step: PlanStep) async throws -> Bool {
        switch step.address.kind {
        case .user:
            let found = try await client.list("Users", filter: "userName eq \(Self.quote(step.address.keys[0]))")
            guard let json = found.first, let live = try await liveUser(from: json) else {
                return step.action == .delete
            }
            return userMatches(step, live.value)
        case .group:
            let found = try await client.list("Groups", filter: "displayName eq \(Self.quote(step.address.keys[0]))")
            guard let json = found.first else { return step.action == .delete }
            _ = group(from: json)
            return step.action != .delete
        case .membership:
            guard let group = groups[step.address.keys[0]], let userID = users[step.address.keys[1]]?.id else {
                return false
            }
            let fresh = try await withMembers(try await client.get("/Groups/\(SCIMClient.escape(group.id))"))
            let members = Set((fresh["members"]?.array ?? []).compactMap { $0["value"]?.string })
            return members.contains(userID) == (step.action == .add)
        case .skill, .userSkill:
            return false
        }
    }

    /// Whether a live user already shows the step's outcome.
    func userMatches(_ step: PlanStep, _ live: User) -> Bool {
        switch step.action {
        case .create: return step.user.map { live.externalId == $0.externalId } ?? true
        case .delete: return false
        case .deactivate: return !live.active
        case .reactivate, .update:
            for change in step.changes {
                if change.name == "active" {
                    if case .bool(let active) = change.after, active != live.active { return false }
                } else if change.name == "externalId" {
                    if change.after != live.externalId.map(AttributeValue.string) { return false }
                } else if !Self.same(live.attributes[change.name], change.after, attribute: change.name) {
                    return false
                }
            }
            return true
        case .add, .modify, .remove, .manual: return false
        }
    }
}
