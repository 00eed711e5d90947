import RosterModel

extension StepLayout {
    /// What makes steps identical for collapsing: same action on the same group or skill, same level, same
    /// rendered changes and comments.
    struct BulkKey: Hashable {
        var action: Action
        var kind: ResourceKind
        var target: String
        var level: Int?
        var note: String
        var body: [PlanLine]
    }

    /// How many userNames a collapsed line lists before "and N more".
    static let namesShown = 3

    /// A provider's steps as chunks, in plan order: one per step, except that when more than `bulkThreshold`
    /// steps are identical but for their user, they become one chunk where the first of them stood.
    func chunks(_ steps: [PlanDocument.StepEntry]) -> [PlanChunk] {
        var groups: [BulkKey: [Int]] = [:]
        for (index, step) in steps.enumerated() {
            if let key = bulkKey(step) { groups[key, default: []].append(index) }
        }
        var collapsed: [Int: [Int]] = [:]
        var hidden = Set<Int>()
        for members in groups.values where members.count > bulkThreshold {
            collapsed[members[0]] = members
            hidden.formUnion(members.dropFirst())
        }
        var chunks: [PlanChunk] = []
        for index in steps.indices where !hidden.contains(index) {
            if let members = collapsed[index] {
                chunks.append(PlanChunk(lines: bulkLines(members.map { steps[$0] }), stepCount: members.count))
            } else {
                chunks.append(PlanChunk(lines: lines(steps[index]), stepCount: 1))
            }
        }
        return chunks
    }

    /// The key of a step that may collapse with others, or `nil` for steps always shown alone (creates, manual
    /// steps, groups, skills).
    func bulkKey(_ step: PlanDocument.StepEntry) -> BulkKey? {
        guard step.address.userKey != nil, let target = collapsibleTarget(step) else { return nil }
        return BulkKey(
            action: step.action, kind: step.address.kind, target: target, level: step.level, note: methodNote(step),
            body: comments(step) + changeLines(shownChanges(step)))
    }

    /// The group or skill identical steps share (empty for user steps), or `nil` when the step never collapses.
    private func collapsibleTarget(_ step: PlanDocument.StepEntry) -> String? {
        let keys = step.address.keys
        switch step.address.kind {
        case .membership:
            return step.action == .add || step.action == .remove ? keys.first : nil
        case .userSkill:
            return step.action == .add || step.action == .modify || step.action == .remove ? keys.last : nil
        case .user:
            switch step.action {
            case .update, .deactivate, .delete, .reactivate: return ""
            case .create, .add, .modify, .remove, .manual: return nil
            }
        case .group, .skill:
            return nil
        }
    }

    /// `+ user_skill "Billing" (level 3) for 120 users: a@x, b@x, c@x and 117 more`, then the shared comments and
    /// changes.
    func bulkLines(_ group: [PlanDocument.StepEntry]) -> [PlanLine] {
        let first = group[0]
        let who = "\(group.count) users: " + names(group)
        let target = PlanFormat.quoted(
            (first.address.kind == .userSkill ? first.address.keys.last : first.address.keys.first) ?? "")
        let text: String
        switch first.address.kind {
        case .membership: text = "membership \(target) <- \(who)"
        case .userSkill: text = "user_skill \(target)\(levelNote(first)) for \(who)"
        case .user, .group, .skill:
            text = "\(group.count) users\(Self.lifecycle(first.action))\(methodNote(first)): " + names(group)
        }
        let head = PlanLine(tone: PlanLine.tone(of: PlanActionKind(first.action)), depth: 0, text: text)
        return [head] + comments(first) + changeLines(shownChanges(first))
    }

    /// `a@x, b@x, c@x and 117 more`.
    private func names(_ group: [PlanDocument.StepEntry]) -> String {
        let shown = group.prefix(Self.namesShown).compactMap(\.address.userKey).joined(separator: ", ")
        let rest = group.count - min(group.count, Self.namesShown)
        return rest > 0 ? "\(shown) and \(rest) more" : shown
    }
}
