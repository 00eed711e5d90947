import HTTPTypes

/// What the fault rules decided for one request.
struct FaultDecision: Sendable, Equatable {
    /// Total latency to add before handling.
    var latency: Duration = .zero
    /// An error status to answer with instead of handling, and its `Retry-After` seconds.
    var status: (code: Int, retryAfter: Int?)?
    /// Handle the request, then drop the response.
    var dropResponse = false

    static func == (lhs: FaultDecision, rhs: FaultDecision) -> Bool {
        lhs.latency == rhs.latency && lhs.status?.code == rhs.status?.code
            && lhs.status?.retryAfter == rhs.status?.retryAfter && lhs.dropResponse == rhs.dropResponse
    }
}

/// The fault rules and their counters: a pure state machine that returns a decision per request (STYLE R4).
///
/// Rules are looked at in order. Latency rules always count and add up. The first status rule that fires decides
/// the answer; once one has, later status and drop rules are not consulted (and do not count the request).
struct FaultInjector: Sendable {
    private struct State: Sendable {
        var rule: FaultRule
        var seen = 0
        var fired = 0
    }

    private var states: [State]
    private var random: SplitMix64

    init(rules: [FaultRule], seed: UInt64) {
        states = rules.map { State(rule: $0) }
        random = SplitMix64(seed: seed)
    }

    /// The rules still in force, in order.
    var rules: [FaultRule] { states.map(\.rule) }

    /// Adds a rule after the existing ones.
    mutating func add(_ rule: FaultRule) {
        states.append(State(rule: rule))
    }

    /// Removes every rule.
    mutating func removeAll() {
        states.removeAll()
    }

    /// Decides the faults for one request.
    mutating func decide(method: HTTPRequest.Method, path: String) -> FaultDecision {
        var decision = FaultDecision()
        for index in states.indices where states[index].rule.matches(method: method, path: path) {
            let effect = states[index].rule.effect
            if decision.status != nil, !Self.isLatency(effect) { continue }
            guard Self.fires(&states[index], random: &random) else { continue }
            switch effect {
            case .latency(let delay): decision.latency += delay
            case .status(let code, let retryAfter): decision.status = (code, retryAfter)
            case .dropResponseAfterCommit: decision.dropResponse = true
            }
        }
        if decision.status != nil { decision.dropResponse = false }
        states.removeAll { state in
            if case .next(let count) = state.rule.trigger { return state.fired >= count }
            return false
        }
        return decision
    }

    private static func isLatency(_ effect: FaultRule.Effect) -> Bool {
        if case .latency = effect { return true }
        return false
    }

    private static func fires(_ state: inout State, random: inout SplitMix64) -> Bool {
        state.seen += 1
        let fires: Bool
        switch state.rule.trigger {
        case .next(let count): fires = state.fired < count
        case .everyNth(let period): fires = period > 0 && state.seen % period == 0
        case .probability(let probability): fires = random.nextUnit() < probability
        case .always: fires = true
        }
        if fires { state.fired += 1 }
        return fires
    }
}

/// SplitMix64: a tiny, seedable generator, so probabilistic faults repeat exactly from run to run.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniformly distributed value in 0..<1.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }
}
