import Clocks
import RosterApply
import RosterModel
import RosterProviders
import Synchronization

/// A provider that records what it is asked to do and fails where told to.
final class FakeProvider: Provider {
    let name: String
    let capabilities = ProviderCapabilities()
    let clock: TestClock<Duration>?
    let failing: [String: ProviderError]
    let failEverything: ProviderError?
    let alreadyApplied: Set<String>
    private let log = Mutex<[(String, Duration)]>([])
    private let origin: TestClock<Duration>.Instant?

    init(
        name: String, clock: TestClock<Duration>? = nil, failing: [String: ProviderError] = [:],
        failEverything: ProviderError? = nil, alreadyApplied: Set<String> = []
    ) {
        self.name = name
        self.clock = clock
        self.failing = failing
        self.failEverything = failEverything
        self.alreadyApplied = alreadyApplied
        self.origin = clock?.now
    }

    /// Step ids applied, in order.
    var applied: [String] { log.withLock { $0.map(\.0) } }

    /// Test-clock time of each apply.
    var times: [Duration] { log.withLock { $0.map(\.1) } }

    func fetch() async throws -> LiveResources { LiveResources() }

    func apply(_ step: PlanStep) async throws {
        if let failEverything { throw failEverything }
        if let error = failing[step.id] { throw error }
        let now = clock.flatMap { clock in origin.map { $0.duration(to: clock.now) } } ?? .zero
        log.withLock { $0.append((step.id, now)) }
    }

    func isApplied(_ step: PlanStep) async throws -> Bool { alreadyApplied.contains(step.id) }

    func fetch(only addresses: Set<ResourceAddress>) async throws -> LiveResources { LiveResources() }
}

/// An in-memory journal.
actor MemoryJournal: ApplyJournal {
    var done: Set<String>
    var running: Set<String>
    var entries: [String] = []

    init(done: Set<String> = [], running: Set<String> = []) {
        self.done = done
        self.running = running
    }

    func completed() async -> Set<String> { done }
    func inFlight() async -> Set<String> { running }
    func started(_ stepID: String) async throws { entries.append("started \(stepID)") }
    func finished(_ outcome: StepOutcome) async throws {
        entries.append("\(outcome.status.rawValue) \(outcome.stepID)")
    }
}

/// Steps for a provider: a user create and a membership that depends on it, per name.
func steps(_ provider: String, users: [String], dependents: Bool = true) -> [PlanStep] {
    var result: [PlanStep] = []
    for user in users {
        let create = PlanStep(address: .user(provider, user), action: .create, reason: "test")
        result.append(create)
        if dependents {
            result.append(
                PlanStep(
                    address: .membership(provider, group: "G", user: user), action: .add, reason: "test",
                    dependsOn: [create.id]))
        }
    }
    return result
}
