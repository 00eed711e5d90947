import Foundation
import RosterTestSupport
import Testing

@Suite("Apply: blast-radius limits and lock-out guards")
struct ApplySafetyTests {
    private static let fast = [#"endpoint: "emulator:""#, "pace: {requestsPerSecond: 2000, concurrency: 4}"]

    /// A workspace where roster created `count` users, and a manifest that keeps only the first `kept`.
    private func shrinking(from count: Int, to kept: Int) async throws -> (ApplyWorkspace, manifest: String) {
        let space = try ApplyWorkspace()
        let all = SyntheticOrg(count: count, providerLines: Self.fast)
        let created = try await space.roster("apply", [try space.manifest("all", all.manifest)])
        #expect(created.status == 0, "\(created)")
        var fewer = all
        fewer.people = Array(all.people.prefix(kept))
        return (space, try space.manifest("fewer", fewer.manifest))
    }

    private func activeCount(_ space: ApplyWorkspace) throws -> Int {
        try space.emulatorUsers("corp").filter { $0["active"] as? Bool ?? true }.count
    }

    @Test func deprovisioning40PercentIsRefusedWithoutTheScopedAllowance() async throws {
        let (space, manifest) = try await shrinking(from: 100, to: 60)
        let refused = try await space.roster("apply", [manifest])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("the plan is unsafe; nothing was applied"), "\(refused)")
        #expect(refused.stderr.contains("corp:"), "names the provider: \(refused)")
        #expect(refused.stderr.contains("--allow corp:deprovision"), "names the allowance: \(refused)")
        #expect(try activeCount(space) == 100)

        let otherScope = try await space.roster(
            "apply", [manifest, "--allow", "corp:delete", "--allow", "other:deprovision"])
        #expect(otherScope.status == 1, "an allowance for another kind or provider does not count: \(otherScope)")
        #expect(try activeCount(space) == 100)

        let allowed = try await space.roster("apply", [manifest, "--allow", "corp:deprovision"])
        #expect(allowed.status == 0, "\(allowed)")
        #expect(try activeCount(space) == 60)
    }

    @Test func smallOrgsUnderMinPopulationAreNotBlocked() async throws {
        let (space, manifest) = try await shrinking(from: 10, to: 6)
        let applied = try await space.roster("apply", [manifest])
        #expect(applied.status == 0, "40% of 10 users is under the default minPopulation of 20: \(applied)")
        #expect(try activeCount(space) == 6)
    }
}

@Suite("Apply: lock-out guards are never allowed")
struct ApplyLockoutTests {
    private static let allAllowances = ["deprovision", "assignments", "delete", "lockout", "protected"].flatMap {
        ["--allow", "corp:\($0)"]
    }

    /// Five people on a provider that protects the first one.
    private func protectedOrg(prune: String) -> SyntheticOrg {
        SyntheticOrg(
            count: 5,
            providerLines: [
                #"endpoint: "emulator:""#,
                "policy: { prune: \(prune), protect: [\(SyntheticOrg.userName(0))] }",
            ])
    }

    private func isActive(_ space: ApplyWorkspace, _ userName: String) throws -> Bool? {
        try space.emulatorUsers("corp").first { $0["userName"] as? String == userName }?["active"] as? Bool
    }

    @Test func aProtectedIdentityIsNeverDeactivatedEvenWithEveryAllowance() async throws {
        let space = try ApplyWorkspace()
        let org = protectedOrg(prune: "owned")
        #expect(try await space.roster("apply", [try space.manifest("org", org.manifest)]).status == 0)
        var leaving = org
        leaving.people[0].active = false
        let path = try space.manifest("leaving", leaving.manifest)
        let refused = try await space.roster("apply", [path] + Self.allAllowances)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("protected identity '\(SyntheticOrg.userName(0))'"), "\(refused)")
        #expect(refused.stderr.contains("(never allowed)"), "\(refused)")
        #expect(try isActive(space, SyntheticOrg.userName(0)) == true)
    }

    @Test func aProtectedIdentityIsNeverPruned() async throws {
        let space = try ApplyWorkspace()
        let org = protectedOrg(prune: "all")
        #expect(try await space.roster("apply", [try space.manifest("org", org.manifest)]).status == 0)
        var without = org
        without.people.removeFirst()
        let path = try space.manifest("without", without.manifest)
        let applied = try await space.roster("apply", [path] + Self.allAllowances)
        #expect(applied.status == 0, "\(applied)")
        #expect(try isActive(space, SyntheticOrg.userName(0)) == true)
    }
}
