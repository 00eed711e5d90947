import RosterModel

/// The manager a user step sets, as the planner sees it: vendors name a manager by id, so the manager must exist
/// on the provider when the step runs.
extension PlanStep {
    /// The userName of the manager this step sets, if it sets one.
    var managerName: String? {
        guard address.kind == .user,
            case .string(let manager)? = changes.first(where: { $0.name == Attribute.manager })?.after
        else { return nil }
        return manager
    }

    /// The key (lowercased userName) of the manager this step sets, if it sets one.
    var managerKey: String? { managerName?.lowercased() }
}

extension ProviderDiff {
    /// Checks every manager a step sets, and breaks manager cycles among the users this plan creates.
    ///
    /// A manager must be live on the provider or created by this plan (`Planner.order` then runs that create
    /// first). Creates whose managers form a cycle (A manages B, B manages A) cannot each name an id that exists:
    /// one user per cycle, the first by key, is created without a manager and gets it in an update step that runs
    /// once every create of the cycle is done.
    mutating func linkManagers() {
        var creates: [String: Int] = [:]
        for (index, step) in steps.enumerated() where step.address.kind == .user && step.action == .create {
            creates[step.address.keys[0]] = index
        }
        checkManagers(creates: creates)
        for cycle in Self.managerCycles(steps: steps, creates: creates) {
            guard let first = cycle.min(), let index = creates[first] else { continue }
            splitManager(from: index, cycle: cycle)
        }
    }

    /// A plan error for each step whose manager is neither live on the provider (and kept) nor created by this plan.
    mutating func checkManagers(creates: [String: Int]) {
        let deletes = Set(steps.filter { $0.address.kind == .user && $0.action == .delete }.map(\.address.keys[0]))
        for step in steps {
            guard let manager = step.managerName, creates[manager.lowercased()] == nil else { continue }
            let user = step.user?.userName ?? step.address.keys[0]
            if liveUsers[manager.lowercased()] == nil {
                diagnostics.append(
                    .error(
                        "manager-missing",
                        "'\(user)' has manager '\(manager)' on \(name), but '\(manager)' is neither on \(name) nor created by this plan",
                        at: step.origin,
                        hint: "give '\(manager)' an account on \(name) in the manifests, or remove the manager"))
            } else if deletes.contains(manager.lowercased()) {
                diagnostics.append(
                    .error(
                        "manager-missing", "'\(user)' has manager '\(manager)' on \(name), but this plan deletes them",
                        at: step.origin, hint: "keep '\(manager)' in the manifests, or give '\(user)' another manager"))
            }
        }
    }

    /// The cycles among creates whose managers are created too, each as its keys; every user has at most one
    /// manager, so each strongly connected part of that graph is one simple cycle.
    static func managerCycles(steps: [PlanStep], creates: [String: Int]) -> [[String]] {
        var next: [String: String] = [:]
        for (key, index) in creates {
            if let manager = steps[index].managerKey, creates[manager] != nil { next[key] = manager }
        }
        var state: [String: Bool] = [:]  // false: on the current walk; true: finished
        var cycles: [[String]] = []
        for start in next.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var node: String? = start
            while let current = node, state[current] == nil {
                state[current] = false
                path.append(current)
                node = next[current]
            }
            if let current = node, state[current] == false, let from = path.firstIndex(of: current) {
                cycles.append(Array(path[from...]))
            }
            for key in path { state[key] = true }
        }
        return cycles
    }

    /// Takes the manager out of one create of a cycle and sets it in an update step of its own.
    mutating func splitManager(from index: Int, cycle: [String]) {
        guard var user = steps[index].user, let manager = user.attributes[Attribute.manager] else { return }
        user.attributes[Attribute.manager] = nil
        steps[index].user = user
        steps[index].changes.removeAll { $0.name == Attribute.manager }
        let key = steps[index].address.keys[0]
        let start = cycle.firstIndex(of: key) ?? 0
        let loop = (cycle[start...] + cycle[..<start] + [key]).joined(separator: " → ")
        let change = AttributeChange(name: Attribute.manager, before: nil, after: manager)
        let (method, methodReason) = updateMethod(for: [change])
        user.attributes[Attribute.manager] = manager
        steps.append(
            PlanStep(
                address: .user(name, key), action: .update, changes: [change], method: method,
                methodReason: methodReason,
                reason:
                    "created without its manager, then given it: \(loop) is a manager cycle among users this plan creates",
                user: user, estimatedCalls: method == "PATCH" ? calls(.update) : max(2, calls(.update)),
                origin: steps[index].origin))
    }
}
