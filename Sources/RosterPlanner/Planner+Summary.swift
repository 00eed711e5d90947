import RosterModel

extension Planner {
    /// Counts, unmanaged objects and the cost estimate at the provider's pace.
    func summarize(_ steps: [PlanStep], context: ProviderDiff) -> ProviderSummary {
        var counts: [Action: Int] = [:]
        for step in steps { counts[step.action, default: 0] += 1 }
        let pace = context.provider.pace ?? context.capabilities.pace
        let calls = steps.reduce(0) { $0 + $1.estimatedCalls }
        return ProviderSummary(
            name: context.name, type: context.provider.type, counts: counts, unmanagedUsers: context.unmanagedUsers,
            unmanagedGroups: context.unmanagedGroups, liveUsers: context.live.users.count, estimatedCalls: calls,
            estimatedSeconds: Self.estimateSeconds(steps, calls: calls, pace: pace), pace: pace)
    }

    /// Seconds to apply at `pace`: the request rate bounds the whole, and spaced kinds (Five9 skill changes) add
    /// their spacing between consecutive steps of that kind.
    static func estimateSeconds(_ steps: [PlanStep], calls: Int, pace: Pace) -> Double {
        let byRate = pace.requestsPerSecond > 0 ? Double(calls) / pace.requestsPerSecond : 0
        var spaced = 0.0
        for (kind, spacing) in pace.spacing {
            let count = steps.filter { $0.address.kind == kind && $0.action != .manual }.count
            spaced += Double(max(0, count - 1)) * spacing
        }
        return max(byRate, spaced)
    }
}
