import Dispatch
public import RosterModel
import Synchronization

/// Computes the steps that make live state match desired state.
///
/// Synchronous, deterministic, no I/O.
///
/// The planner knows vendors only through the `ProviderCapabilities` each provider declares.
public struct Planner: Sendable {
    /// Creates a planner.
    public init() {}

    /// Computes the ordered steps that make `live` match `desired`.
    ///
    /// - Parameters:
    ///   - desired: What the manifests ask for.
    ///   - live: What the providers hold (a provider missing here is planned as empty).
    ///   - capabilities: What each provider can do, by provider name.
    /// - Returns: A plan whose steps already respect every provider's `OrderingRule`s.
    public func plan(
        desired: DesiredState, live: LiveState, capabilities: [String: ProviderCapabilities]
    ) -> Plan {
        let providers = desired.providers
        // Providers are independent: diff them side by side, then join the parts in provider order.
        let parts = Mutex([ProviderPlan?](repeating: nil, count: providers.count))
        DispatchQueue.concurrentPerform(iterations: providers.count) { index in
            let provider = providers[index]
            let part = planProvider(
                provider, capabilities: capabilities[provider.name] ?? ProviderCapabilities(),
                desired: desired.resources[provider.name] ?? ProviderResources(),
                live: live.providers[provider.name] ?? LiveResources())
            parts.withLock { $0[index] = part }
        }
        var plan = Plan(steps: [], providers: [], diagnostics: [], violations: [])
        for part in parts.withLock({ $0 }) {
            guard let part else { continue }
            plan.steps += part.steps
            plan.providers.append(part.summary)
            plan.diagnostics += part.diagnostics
            plan.violations += part.violations
        }
        return plan
    }

    /// One provider's share of a plan.
    struct ProviderPlan: Sendable {
        var steps: [PlanStep]
        var summary: ProviderSummary
        var diagnostics: [Diagnostic]
        var violations: [SafetyViolation]
    }

    func planProvider(
        _ provider: ProviderConfig, capabilities: ProviderCapabilities, desired: ProviderResources,
        live: LiveResources
    ) -> ProviderPlan {
        var context = ProviderDiff(provider: provider, capabilities: capabilities, desired: desired, live: live)
        context.diff()
        context.linkManagers()
        let ordered = order(context.steps, rules: capabilities.ordering)
        return ProviderPlan(
            steps: ordered, summary: summarize(ordered, context: context), diagnostics: context.diagnostics,
            violations: SafetyCheck(context: context, steps: ordered).violations())
    }
}
