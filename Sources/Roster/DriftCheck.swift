public import Foundation
public import RosterRender

/// A plan together with its drift report (`roster plan --drift`).
public struct DriftCheck: Sendable {
    /// The plan, exactly as `roster plan` makes it.
    public var result: PlanResult
    /// The plan's steps and the undeclared live objects, by kind of drift.
    public var report: DriftReport
}

extension Workflow {
    /// Plans, then classifies what differs: managed objects changed outside roster, declared objects missing,
    /// owned objects no longer declared, and live objects roster does not manage.
    ///
    /// - Parameters:
    ///   - baseline: An earlier report; unmanaged objects absent from it are marked new.
    ///   - now: When the check runs (injected for tests).
    /// - Throws: `RosterError` as `plan()` does.
    public func driftCheck(baseline: DriftReport? = nil, now: Date = Date()) async throws -> DriftCheck {
        let manifest = try load()
        return try await withSession(manifest) { session in
            var result = try await session.plan()
            let desired = manifest.scope.map { $0.desired(manifest.desired, live: result.live) } ?? manifest.desired
            if let scope = manifest.scope { result.trace = PersonTrace(scope, manifest: manifest, result: result) }
            let report = DriftReport(
                plan: result.plan, live: result.live, desired: desired, createdAt: now, baseline: baseline)
            return DriftCheck(result: result, report: report)
        }
    }
}
