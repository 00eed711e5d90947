import RosterModel

extension PlanFixtures {
    /// 5,000 steps on one provider: 2,000 creates (never collapsed), 2,000 identical skill assignments and 1,000
    /// identical memberships (each collapsed into one line).
    static var large: Plan {
        var steps: [PlanStep] = []
        for index in 0..<2000 {
            let name = "agent\(index)@acme.example"
            steps.append(
                PlanStep(
                    address: .user("bulk", name), action: .create,
                    changes: [
                        change("displayName", nil, .string("Agent \(index)")), change("email", nil, .string(name)),
                    ],
                    reason: "declared in the manifests", user: User(userName: name)))
        }
        for index in 0..<2000 {
            steps.append(
                PlanStep(
                    address: .userSkill("bulk", user: "agent\(index)@acme.example", skill: "Billing"), action: .add,
                    reason: "assigned in the manifests", level: 3))
        }
        for index in 0..<1000 {
            steps.append(
                PlanStep(
                    address: .membership("bulk", group: "Sales Team", user: "agent\(index)@acme.example"),
                    action: .add, reason: "listed in members"))
        }
        let summary = ProviderSummary(
            name: "bulk", type: .five9, counts: [.create: 2000, .add: 3000], liveUsers: 0, estimatedCalls: 5000,
            estimatedSeconds: 2500, pace: Pace(requestsPerSecond: 2, concurrency: 1))
        return Plan(steps: steps, providers: [summary])
    }
}
