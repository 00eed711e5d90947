import Foundation
import RosterApply
public import RosterModel
import RosterPlanner
import RosterProviders

extension Workflow {
    /// Applies a saved plan or a fresh one, then re-plans and reports what is left.
    public func apply(_ request: ApplyRequest) async throws -> ApplyReport {
        let manifest = try load()
        let lock = try ApplyLock.acquire(in: options.resolvedStateDirectory)
        defer { lock.release() }
        return try await withSession(manifest) { session in
            let started = ContinuousClock.now
            let (plan, digest) = try await chosenPlan(request, manifest: manifest, session: session)
            try Self.checkSafety(plan, allow: request.allow)
            let journal = try FileJournal(directory: options.resolvedStateDirectory, planDigest: digest)
            let paces = session.providers.mapValues { provider in
                var pace = manifest.desired.provider(named: provider.name)?.pace ?? provider.capabilities.pace
                // A bulk endpoint gathers the writes that run together: keep a batch's worth of steps in flight
                // (the transport still holds requests to the vendor's rate and concurrency).
                if let batch = provider.capabilities.bulkMaxOperations {
                    pace.concurrency = max(pace.concurrency, batch)
                }
                return pace
            }
            let executor = Executor(
                clock: clock, options: ExecutorOptions(paces: paces), journal: journal, onEvent: request.onEvent)
            request.onPlan(plan)
            let result = await executor.run(plan, providers: session.providers)
            let residual = try? await session.plan().plan
            if let residual, residual.isEmpty,
                !result.outcomes.contains(where: { $0.status == .failed || $0.status == .skipped })
            {
                // Converged: nothing is left to resume, including journals of crashed fresh applies whose plans
                // no longer come back.
                FileJournal.discardAll(directory: options.resolvedStateDirectory)
            }
            return ApplyReport(
                outcomes: result.outcomes, stoppedProviders: result.stopped, residual: residual,
                seconds: (ContinuousClock.now - started).seconds)
        }
    }

    /// The plan to execute, with the digest its journal is keyed by: a fresh plan from a full read, or the saved one
    /// after integrity and staleness checks.
    ///
    /// A saved plan is checked against a read of only the objects it touches (`Plan.touchedObjects`), which also
    /// primes the providers with the vendor ids its steps need; everything is read only when stale objects are to
    /// be re-planned. A saved plan keeps its journal across `--replan-stale`, so an interrupted run's work is never
    /// redone.
    func chosenPlan(
        _ request: ApplyRequest, manifest: LoadedManifest, session: Session
    ) async throws -> (plan: Plan, digest: String) {
        guard let saved = request.savedPlan else {
            let fresh = session.plan(live: try await session.fetch())
            try Self.checkErrors(fresh)
            return (fresh, Digest.plan(fresh))
        }
        try SavedPlanCheck(saved: saved, manifestDigest: manifest.digest).verifyIntegrity()
        let digest = Digest.plan(saved.plan)
        let resumed = FileJournal.recorded(directory: options.resolvedStateDirectory, planDigest: digest)
        let touched = try await session.fetch(only: saved.plan.touchedObjects)
        let stale = Self.staleObjects(saved.plan, live: touched, resumed: resumed)
        guard !stale.isEmpty else {
            try Self.checkErrors(saved.plan)
            return (saved.plan, digest)
        }
        guard request.replanStale else {
            throw RosterError(
                .planFile,
                "\(stale.count) object\(stale.count == 1 ? "" : "s") changed since the plan was made; nothing was applied:\n"
                    + stale.map { "  - \($0.description)" }.joined(separator: "\n")
                    + "\nRun `roster plan` again and review, or pass --replan-stale to re-plan just these objects.")
        }
        let fresh = session.plan(live: try await session.fetch())
        let merged = StalenessCheck.replan(saved.plan, fresh: fresh, stale: Set(stale.map(\.object)))
        try Self.checkErrors(merged)
        return (merged, digest)
    }

    /// The objects of a saved plan that moved since it was made.
    ///
    /// Objects that an interrupted run of the same plan already touched (`resumed`: step ids its journal recorded
    /// as started or finished) moved because of roster itself, so they are not stale: the executor skips their
    /// finished steps and verifies their in-flight ones against live state.
    static func staleObjects(
        _ plan: Plan, live: LiveState, resumed: Set<String>
    ) -> [StalenessCheck.StaleObject] {
        let ours = Set(plan.steps.filter { resumed.contains($0.id) }.map { StalenessCheck.object(of: $0.address) })
        return StalenessCheck(plan: plan, live: live).staleObjects().filter { !ours.contains($0.object) }
    }

    static func checkErrors(_ plan: Plan) throws {
        guard !plan.hasErrors else {
            throw RosterError(.invalidPlan, "the plan has errors; nothing was applied", diagnostics: plan.diagnostics)
        }
    }

    /// Refuses a plan over a limit unless each violation is allowed by name; lock-out guards are never allowed.
    static func checkSafety(_ plan: Plan, allow: Set<String>) throws {
        let blocking = plan.violations.filter { $0.kind == .lockout || !allow.contains($0.allowance) }
        guard !blocking.isEmpty else { return }
        let lines = blocking.map { violation in
            violation.kind == .lockout
                ? "  - \(violation.provider): \(violation.message) (never allowed)"
                : "  - \(violation.provider): \(violation.message); allow with --allow \(violation.allowance)"
        }
        throw RosterError(.unsafePlan, "the plan is unsafe; nothing was applied:\n" + lines.joined(separator: "\n"))
    }
}
