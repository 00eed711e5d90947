import Foundation
import RosterTestSupport
import Testing

/// Five people on one embedded emulator; `benTitle` is the one attribute the tests move.
private func smallOrg(benTitle: String) -> String {
    var org = SyntheticOrg(count: 5)
    org.people[1] = SyntheticOrg.Person(userName: "ben@acme.example", title: benTitle)
    return org.manifest
}

@Suite("Apply: saved plans checked per object")
struct ApplySavedPlanTests {
    /// Applies `smallOrg(benTitle: "Agent")`, then plans a title change for Ben into `plan.json`, then moves Ben's
    /// title behind the plan's back with a second apply from other manifests on the same live state.
    private func stalePlan() async throws -> (ApplyWorkspace, plan: String) {
        let space = try ApplyWorkspace()
        let base = try space.manifest("base", smallOrg(benTitle: "Agent"))
        let initial = try await space.roster("apply", [base])
        #expect(initial.status == 0, "\(initial)")
        let wanted = try space.manifest("wanted", smallOrg(benTitle: "Senior Agent"))
        let plan = space.path("plan.json")
        let planned = try await space.roster("plan", [wanted, "--out", plan])
        #expect(planned.status == 0, "\(planned)")
        let other = try space.manifest("other", smallOrg(benTitle: "Team Lead"))
        let moved = try await space.roster("apply", [other])
        #expect(moved.status == 0, "\(moved)")
        return (space, plan)
    }

    @Test func aStaleObjectBlocksApplyAndIsNamedWithWhatChanged() async throws {
        let (space, plan) = try await stalePlan()
        let refused = try await space.roster("apply", [plan])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains(#"corp.user["ben@acme.example"]"#), "\(refused)")
        #expect(refused.stderr.contains(#"title was "Agent" when planned, is now "Team Lead""#), "\(refused)")
        #expect(refused.stderr.contains("--replan-stale"), "\(refused)")
        #expect(refused.stderr.contains("1 object changed"), "only Ben moved: \(refused)")
        let ben = try space.emulatorUsers("corp").first { $0["userName"] as? String == "ben@acme.example" }
        #expect(ben?["title"] as? String == "Team Lead", "nothing was applied")
    }

    @Test func replanStaleAppliesAndConverges() async throws {
        let (space, plan) = try await stalePlan()
        let applied = try await space.roster("apply", [plan, "--replan-stale"])
        #expect(applied.status == 0, "\(applied)")
        let ben = try space.emulatorUsers("corp").first { $0["userName"] as? String == "ben@acme.example" }
        #expect(ben?["title"] as? String == "Senior Agent")
        let check = try await space.roster("plan", [space.path("wanted/roster.yaml"), "--detailed-exitcode"])
        #expect(check.status == 0, "converged: \(check)")
    }

    @Test func anUntouchedPlanAppliesWithoutReplanning() async throws {
        let space = try ApplyWorkspace()
        let base = try space.manifest("base", smallOrg(benTitle: "Agent"))
        #expect(try await space.roster("apply", [base]).status == 0)
        let wanted = try space.manifest("wanted", smallOrg(benTitle: "Senior Agent"))
        let plan = space.path("plan.json")
        #expect(try await space.roster("plan", [wanted, "--out", plan]).status == 0)
        let applied = try await space.roster("apply", [plan])
        #expect(applied.status == 0, "\(applied)")
    }
}
