public import RosterModel

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
        var steps: [PlanStep] = []
        var summaries: [ProviderSummary] = []
        var diagnostics: [Diagnostic] = []
        var violations: [SafetyViolation] = []
        for provider in desired.providers {
            let caps = capabilities[provider.name] ?? ProviderCapabilities()
            var context = ProviderDiff(
                provider: provider, capabilities: caps,
                desired: desired.resources[provider.name] ?? ProviderResources(),
                live: live.providers[provider.name] ?? LiveResources())
            context.diff()
            let ordered = order(context.steps, rules: caps.ordering)
            steps += ordered
            diagnostics += context.diagnostics
            violations += SafetyCheck(context: context, steps: ordered).violations()
            summaries.append(summarize(ordered, context: context))
        }
        return Plan(steps: steps, providers: summaries, diagnostics: diagnostics, violations: violations)
    }
}
