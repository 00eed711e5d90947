import HeapModule
import RosterModel

extension Planner {
    /// Orders steps so every rule holds between steps that touch the same object, and every step that sets a
    /// manager runs after the creates of the manager and of the user; ties break deterministically.
    ///
    /// Kahn's algorithm over a binary heap keyed by the step's sort key: O((n + e) log n).
    func order(_ steps: [PlanStep], rules: [OrderingRule]) -> [PlanStep] {
        // Index each step under (object it touches, its kind, its action), so a rule finds its matches directly.
        var index: [IndexKey: [Int]] = [:]
        for (position, step) in steps.enumerated() {
            for reference in Reference.all(of: step.address) {
                index[IndexKey(reference: reference, kind: step.address.kind, action: step.action), default: []]
                    .append(position)
            }
        }
        var graph = StepGraph(count: steps.count)
        Self.addRuleEdges(steps, rules: rules, index: index, to: &graph)
        Self.addManagerEdges(steps, index: index, to: &graph)
        let dependsOn = graph.dependsOn(steps)
        var indegree = graph.indegree
        var heap = Heap<SortKey>()
        for position in steps.indices where indegree[position] == 0 { heap.insert(SortKey(steps[position], position)) }
        var ordered: [PlanStep] = []
        ordered.reserveCapacity(steps.count)
        while let next = heap.popMin() {
            var step = steps[next.index]
            step.dependsOn = dependsOn[next.index].sorted()
            ordered.append(step)
            for target in graph.edges[next.index] {
                indegree[target] -= 1
                if indegree[target] == 0 { heap.insert(SortKey(steps[target], target)) }
            }
        }
        // Rules only point from removals/creations to later phases, and manager cycles among creates are broken
        // before ordering (`ProviderDiff.linkManagers`), so cycles cannot occur; keep any leftovers anyway.
        if ordered.count < steps.count {
            let placed = Set(ordered.map(\.id))
            ordered += steps.filter { !placed.contains($0.id) }
        }
        return ordered
    }
}

extension Planner {
    /// Adds the edges the providers' ordering rules require.
    static func addRuleEdges(
        _ steps: [PlanStep], rules: [OrderingRule], index: [IndexKey: [Int]], to graph: inout StepGraph
    ) {
        for rule in rules {
            for (later, step) in steps.enumerated() where rule.then.matches(step) {
                for reference in Reference.all(of: step.address) {
                    for action in rule.first.actions {
                        let key = IndexKey(reference: reference, kind: rule.first.kind, action: action)
                        for earlier in index[key] ?? [] { graph.add(earlier, before: later) }
                    }
                }
            }
        }
    }

    /// Adds edges that put the creates of a manager and of the user before a step that sets the manager (vendors
    /// name a manager by id, which exists only once the manager is created).
    static func addManagerEdges(_ steps: [PlanStep], index: [IndexKey: [Int]], to graph: inout StepGraph) {
        for (later, step) in steps.enumerated() {
            guard let manager = step.managerKey else { continue }
            for key in [manager, step.address.keys[0]] {
                let create = IndexKey(reference: Reference(kind: .user, key: key), kind: .user, action: .create)
                for earlier in index[create] ?? [] { graph.add(earlier, before: later) }
            }
        }
    }
}

/// The dependency graph between step positions, without duplicate or self edges.
struct StepGraph {
    private(set) var edges: [[Int]]
    private(set) var indegree: [Int]
    private var seen = Set<Edge>()

    init(count: Int) {
        edges = Array(repeating: [], count: count)
        indegree = Array(repeating: 0, count: count)
    }

    /// Makes the step at `later` wait for the one at `earlier`.
    mutating func add(_ earlier: Int, before later: Int) {
        guard earlier != later, seen.insert(Edge(from: earlier, to: later)).inserted else { return }
        edges[earlier].append(later)
        indegree[later] += 1
    }

    /// The ids each step waits for.
    func dependsOn(_ steps: [PlanStep]) -> [[String]] {
        var dependsOn = Array(repeating: [String](), count: steps.count)
        for (from, targets) in edges.enumerated() { for to in targets { dependsOn[to].append(steps[from].id) } }
        return dependsOn
    }
}

/// An object a step touches, used to relate steps to each other.
struct Reference: Hashable {
    let kind: ResourceKind
    let key: String

    /// The objects an address touches: a membership touches its group and its user.
    static func all(of address: ResourceAddress) -> [Reference] {
        switch address.kind {
        case .user: [Reference(kind: .user, key: address.keys[0])]
        case .group: [Reference(kind: .group, key: address.keys[0])]
        case .skill: [Reference(kind: .skill, key: address.keys[0])]
        case .membership: [Reference(kind: .group, key: address.keys[0]), Reference(kind: .user, key: address.keys[1])]
        case .userSkill: [Reference(kind: .user, key: address.keys[0]), Reference(kind: .skill, key: address.keys[1])]
        }
    }
}

/// A step's entry in the ordering index.
struct IndexKey: Hashable {
    let reference: Reference
    let kind: ResourceKind
    let action: Action
}

/// A dependency between two step indices.
struct Edge: Hashable {
    let from: Int
    let to: Int
}

extension OrderingRule.Selector {
    /// Whether a step is of this kind and one of these actions.
    func matches(_ step: PlanStep) -> Bool { step.address.kind == kind && actions.contains(step.action) }
}

/// The deterministic tie-break: phase (removals of assignments first, then objects, then assignments), kind, key.
struct SortKey: Comparable {
    let phase: Int
    let address: ResourceAddress
    let action: Action
    let index: Int

    init(_ step: PlanStep, _ index: Int) {
        self.phase = Self.phase(of: step)
        self.address = step.address
        self.action = step.action
        self.index = index
    }

    static func phase(of step: PlanStep) -> Int {
        switch (step.address.kind, step.action) {
        case (_, .manual): 9
        case (.membership, .remove), (.userSkill, .remove): 0
        case (.skill, _), (.group, .create), (.group, .update): 1
        case (.user, .create), (.user, .reactivate), (.user, .update): 2
        case (.membership, _), (.userSkill, _): 3
        case (.user, _): 4
        case (.group, _): 5
        }
    }

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        if lhs.phase != rhs.phase { return lhs.phase < rhs.phase }
        if lhs.address != rhs.address { return lhs.address < rhs.address }
        if lhs.action != rhs.action { return lhs.action.rawValue < rhs.action.rawValue }
        return lhs.index < rhs.index
    }
}
