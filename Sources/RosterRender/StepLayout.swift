import RosterModel

/// Turns plan steps into lines: a title per step, its comments, and its attribute changes aligned in a column.
///
/// Shared by the terminal and Markdown renderings, so both say the same thing in the same words.
struct StepLayout: Sendable {
    /// Whether personal attribute values are replaced by `(masked)` (see `AttributeMask`).
    var maskPII: Bool
    /// Identical steps collapse into one line when a provider has more than this many of them.
    var bulkThreshold: Int

    /// The lines of one step.
    func lines(_ step: PlanDocument.StepEntry) -> [PlanLine] {
        if step.action == .manual {
            return [PlanLine(tone: .manual, depth: 0, text: manualTitle(step))] + comments(step)
        }
        let head = PlanLine(tone: PlanLine.tone(of: PlanActionKind(step.action)), depth: 0, text: title(step))
        return [head] + comments(step) + changeLines(shownChanges(step))
    }

    /// `user "ana@acme.example"`, `user "old@acme.example" will be deactivated`, `user "bob@acme.example" (PATCH)`.
    func title(_ step: PlanDocument.StepEntry) -> String {
        Self.subject(step.address) + Self.lifecycle(step.action) + levelNote(step) + methodNote(step)
    }

    /// `manual: user "jdoe" site "Boston" -> "Denver"`.
    func manualTitle(_ step: PlanDocument.StepEntry) -> String {
        let changes = step.changes.map { "\($0.name) \(value($0.before, $0.name)) -> \(value($0.after, $0.name))" }
        return (["manual: " + Self.subject(step.address)] + changes).joined(separator: " ")
    }

    /// What an address names, without its provider: `user "ana"`, `membership "Sales" <- "ana"`,
    /// `user_skill "ana" "Billing"`.
    static func subject(_ address: PlanDocument.AddressEntry) -> String {
        let first = PlanFormat.quoted(address.keys.first ?? "")
        let second = PlanFormat.quoted(address.keys.dropFirst().first ?? "")
        switch address.kind {
        case .user, .group, .skill: return "\(address.kind.rawValue) \(first)"
        case .membership: return "membership \(first) <- \(second)"
        case .userSkill: return "user_skill \(first) \(second)"
        }
    }

    /// ` will be deactivated` and the like: the words that tell apart actions sharing a marker.
    static func lifecycle(_ action: Action) -> String {
        switch action {
        case .deactivate: " will be deactivated"
        case .delete: " will be deleted"
        case .reactivate: " will be reactivated"
        case .create, .update, .add, .modify, .remove, .manual: ""
        }
    }

    /// ` (level 3)` for a skill assignment being added, unless a `level` change line says it.
    func levelNote(_ step: PlanDocument.StepEntry) -> String {
        guard step.action == .add, let level = step.level, !step.changes.contains(where: { $0.name == "level" })
        else { return "" }
        return " (level \(level))"
    }

    /// ` (PATCH)` for updates, and for any step whose method needs explaining.
    func methodNote(_ step: PlanDocument.StepEntry) -> String {
        guard let method = step.method, step.action == .update || step.methodReason != nil else { return "" }
        return " (\(method))"
    }

    /// `# GET+PUT: 8x8 PATCH can only change active`, then `# <reason>` for removals, reactivations and manual steps.
    func comments(_ step: PlanDocument.StepEntry) -> [PlanLine] {
        var lines: [PlanLine] = []
        if let reason = step.methodReason, !reason.isEmpty {
            let method = step.method.map { "\($0): " } ?? ""
            lines.append(PlanLine(tone: .comment, depth: 1, text: "# " + method + reason))
        }
        if Self.explainsReason(step.action), !step.reason.isEmpty {
            lines.append(PlanLine(tone: .comment, depth: 1, text: "# " + step.reason))
        }
        return lines
    }

    /// Whether a step's reason is printed: removals surprise, reactivations replace a create, manual steps
    /// tell an admin what to do.
    static func explainsReason(_ action: Action) -> Bool {
        switch action {
        case .deactivate, .delete, .remove, .reactivate, .manual: true
        case .create, .update, .add, .modify: false
        }
    }

    /// Changes worth listing: the title of a deactivate, delete or reactivate already says `active` changes.
    func shownChanges(_ step: PlanDocument.StepEntry) -> [PlanDocument.ChangeEntry] {
        switch step.action {
        case .deactivate, .delete, .reactivate: step.changes.filter { $0.name != "active" }
        case .create, .update, .add, .modify, .remove, .manual: step.changes
        }
    }

    /// `+ name = value`, `~ name = old -> new`, `- name = old`, names padded to one column.
    func changeLines(_ changes: [PlanDocument.ChangeEntry]) -> [PlanLine] {
        let width = changes.map(\.name.count).max() ?? 0
        return changes.map { change in
            let name = PlanFormat.padded(change.name, to: width)
            switch (change.before, change.after) {
            case (nil, .some(let after)):
                return PlanLine(tone: .addition, depth: 1, text: "\(name) = \(value(after, change.name))")
            case (.some(let before), nil):
                return PlanLine(tone: .removal, depth: 1, text: "\(name) = \(value(before, change.name))")
            case (let before, let after):
                let text = "\(name) = \(value(before, change.name)) -> \(value(after, change.name))"
                return PlanLine(tone: .change, depth: 1, text: text)
            }
        }
    }

    /// A value as plans print it, or `(none)`, or `(masked)` when masking hides it.
    func value(_ value: AttributeValue?, _ name: String) -> String {
        guard let value else { return "(none)" }
        return maskPII && !AttributeMask.isVisible(name) ? AttributeMask.placeholder : value.description
    }
}
