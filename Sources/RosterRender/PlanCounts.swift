import RosterModel

/// Steps counted per action, and the sentences that say them.
struct PlanCounts: Sendable, Hashable {
    /// Steps per action.
    private(set) var counts: [Action: Int] = [:]

    /// Counts the given steps.
    init(_ steps: some Sequence<PlanDocument.StepEntry>) {
        for step in steps { counts[step.action, default: 0] += 1 }
    }

    /// Steps with the given action.
    subscript(_ action: Action) -> Int { counts[action] ?? 0 }

    /// Membership and skill-assignment changes: add, modify and remove.
    var assignments: Int { self[.add] + self[.modify] + self[.remove] }

    /// Every step.
    var total: Int { counts.values.reduce(0, +) }

    /// `1 to create, 2 to update, 4 assignment changes, 1 manual`: only what is there, or `no changes`.
    var phrase: String {
        let parts = fixedParts.filter { $0.count > 0 }.map(\.text)
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    /// `Plan: 3 to create, 2 to update, 1 to reactivate, 1 to deactivate, 0 to delete, 4 assignment changes,
    /// 1 manual.`, with every part even when zero, so plans compare at a glance.
    var planLine: String { "Plan: " + fixedParts.map(\.text).joined(separator: ", ") + "." }

    private var fixedParts: [(count: Int, text: String)] {
        [
            (self[.create], "\(self[.create]) to create"),
            (self[.update], "\(self[.update]) to update"),
            (self[.reactivate], "\(self[.reactivate]) to reactivate"),
            (self[.deactivate], "\(self[.deactivate]) to deactivate"),
            (self[.delete], "\(self[.delete]) to delete"),
            (assignments, PlanFormat.count(assignments, "assignment change")),
            (self[.manual], "\(self[.manual]) manual"),
        ]
    }
}

/// One provider as the renderers show it: its summary entry (when the planner gave one) and its steps.
struct ProviderView: Sendable {
    /// The provider name.
    var name: String
    /// The planner's summary, absent for a provider that appears only in steps.
    var entry: PlanDocument.ProviderEntry?
    /// The provider's steps, in plan order.
    var steps: [PlanDocument.StepEntry]

    /// The steps counted per action.
    var counts: PlanCounts { PlanCounts(steps) }

    /// `corp (scim)`, or just the name when the type is unknown.
    var header: String { entry.map { "\(name) (\($0.type.rawValue))" } ?? name }

    /// Every provider of a document, sorted by name: those with a summary and those that only have steps.
    static func all(_ document: PlanDocument) -> [ProviderView] {
        var steps: [String: [PlanDocument.StepEntry]] = [:]
        for step in document.steps { steps[step.address.provider, default: []].append(step) }
        var entries: [String: PlanDocument.ProviderEntry] = [:]
        for entry in document.providers { entries[entry.name] = entry }
        let names = Set(steps.keys).union(entries.keys).sorted()
        return names.map { ProviderView(name: $0, entry: entries[$0], steps: steps[$0] ?? []) }
    }

    /// `1 to create, 1 manual; 12 unmanaged users untouched; ~7 API calls, ~2s at 4 req/s`.
    var summaryLine: String {
        var parts = [counts.phrase]
        if let unmanaged { parts.append(unmanaged) }
        if let estimate { parts.append(estimate) }
        return parts.joined(separator: "; ")
    }

    /// `12 unmanaged users and 2 unmanaged groups untouched`, or `nil` when roster manages everything.
    var unmanaged: String? {
        guard let entry else { return nil }
        var kinds: [String] = []
        if entry.unmanagedUsers > 0 { kinds.append(PlanFormat.count(entry.unmanagedUsers, "unmanaged user")) }
        if entry.unmanagedGroups > 0 { kinds.append(PlanFormat.count(entry.unmanagedGroups, "unmanaged group")) }
        return kinds.isEmpty ? nil : kinds.joined(separator: " and ") + " untouched"
    }

    /// `~7 API calls, ~2s at 4 req/s`, or `nil` when nothing will be called.
    var estimate: String? {
        guard let entry, entry.estimatedCalls > 0 else { return nil }
        let rate = PlanFormat.decimal(entry.pace.requestsPerSecond)
        return "~" + PlanFormat.count(entry.estimatedCalls, "API call") + ", ~"
            + PlanFormat.duration(entry.estimatedSeconds) + " at \(rate) req/s"
    }
}
