import RosterModel
import RosterProviders

extension Executor {
    /// Runs one step: waits for its spacing slot, journals its start, verifies it first when an earlier run left it
    /// in flight, applies it, journals the outcome.
    func execute(
        _ step: PlanStep, on provider: (any Provider)?, after delay: Duration, verifyFirst: Bool, watch: Stopwatch
    ) async -> Finished {
        if delay > .zero { try? await clock.sleep(for: delay) }
        let started = watch.elapsed()
        let attempts = AttemptCounter()
        func finish(_ status: StepOutcome.Status, _ error: ProviderError? = nil) async -> Finished {
            let message = error.map { describe($0, step) }
            let outcome = StepOutcome(
                step: step, status: status, error: message, attempts: attempts.value,
                seconds: (watch.elapsed() - started).seconds)
            try? await journal?.finished(outcome)
            return Finished(outcome: outcome, errorKind: error?.kind)
        }
        guard let provider else {
            return await finish(
                .failed,
                ProviderError(.configuration, provider: step.address.provider, "no such provider is configured"))
        }
        do {
            try await journal?.started(step.id)
        } catch {
            return await finish(
                .failed,
                ProviderError(.configuration, provider: provider.name, "could not write the apply journal: \(error)"))
        }
        onEvent(.started(stepID: step.id, address: step.address, action: step.action))
        let events = onEvent
        do {
            let context = StepContext(stepID: step.id, attempts: attempts) { notice in
                events(
                    .retrying(
                        stepID: step.id, attempt: notice.attempt, delaySeconds: notice.delay.seconds,
                        reason: notice.reason))
            }
            try await RequestContext.$current.withValue(context) {
                if verifyFirst, try await provider.isApplied(step) { throw AlreadyDone() }
                try await provider.apply(step)
            }
            return await finish(.applied)
        } catch is AlreadyDone {
            return await finish(.alreadyDone)
        } catch let error as ProviderError {
            return await finish(.failed, error)
        } catch {
            return await finish(.failed, ProviderError(.transient, provider: provider.name, "\(error)"))
        }
    }

    /// `corp: 409 uniqueness: … (corp.user["ana@x"], people.yaml:14:5)`.
    func describe(_ error: ProviderError, _ step: PlanStep) -> String {
        var context = step.address.description
        if let origin = step.origin { context += ", \(origin)" }
        return "\(error.description) (\(context))"
    }
}

/// Thrown inside a step to say verification found it already done.
struct AlreadyDone: Error {}
