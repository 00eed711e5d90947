import Foundation
import RosterModel
import RosterRender
import Synchronization

/// Shows apply progress: a live bar per provider on a terminal, one line per step otherwise, or JSON lines.
final class ApplyProgress: Sendable {
    private struct State {
        var totals: [String: Int] = [:]
        var done: [String: Int] = [:]
        var failed: [String: Int] = [:]
        var rates: [String: Double] = [:]
        var started = Date()
        var drawnLines = 0
        var throttle = RedrawThrottle()
    }

    private let output: OutputFormat
    private let color: Bool
    private let live: Bool
    private let state = Mutex(State())

    init(output: OutputFormat, color: Bool, live: Bool) {
        self.output = output
        self.color = color
        self.live = live
    }

    /// Called with the plan about to run.
    func begin(_ plan: Plan) {
        state.withLock { state in
            for step in plan.steps where step.action != .manual { state.totals[step.address.provider, default: 0] += 1 }
            for summary in plan.providers { state.rates[summary.name] = summary.pace.requestsPerSecond }
            state.started = Date()
        }
        if output == .human && !plan.isEmpty {
            Terminal.error(
                "Applying \(plan.steps.count) steps across \(plan.providers.filter { ($0.counts.values.reduce(0, +)) > 0 }.count) providers…"
            )
        }
    }

    /// Called for every event.
    func handle(_ event: ApplyEvent) {
        switch output {
        case .json:
            FileHandle.standardOutput.write(Data((ApplyEventRenderer().jsonLine(event, at: Date()) + "\n").utf8))
        case .human, .markdown:
            if case .finished(let outcome) = event, outcome.status != .manual {
                state.withLock { state in
                    state.done[outcome.address.provider, default: 0] += 1
                    if outcome.status == .failed { state.failed[outcome.address.provider, default: 0] += 1 }
                }
            }
            if live {
                redraw()
            } else if let line = ApplyEventRenderer().line(event) {
                Terminal.error(line)
            }
        }
    }

    /// Called after the last event.
    func end() {
        if live { redraw(force: true) }
    }

    private func redraw(force: Bool = false) {
        let text: String? = state.withLock { state in
            guard state.throttle.admit(at: Date(), force: force) else { return nil }
            let elapsed = max(0.001, Date().timeIntervalSince(state.started))
            let rows = state.totals.keys.sorted().map { name -> ProviderProgress in
                let done = state.done[name, default: 0]
                let total = state.totals[name, default: 0]
                let rate = Double(done) / elapsed
                let eta =
                    rate > 0 ? Double(total - done) / rate : Double(total - done) / max(0.1, state.rates[name] ?? 1)
                return ProviderProgress(
                    name: name, done: done, total: total, failed: state.failed[name, default: 0],
                    requestsPerSecond: rate, etaSeconds: eta)
            }
            let up = state.drawnLines > 0 ? "\u{1B}[\(state.drawnLines)A" : ""
            state.drawnLines = rows.count
            return up
                + ProgressRenderer().render(rows).split(separator: "\n").map { "\r\u{1B}[K" + $0 }.joined(
                    separator: "\n") + "\n"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
