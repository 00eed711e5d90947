import Foundation
import Roster
import RosterModel
import RosterTestSupport
import Testing

/// `--only PERSON`: one person through load, plan and apply, everyone else left as they are, with a trace.
@Suite("--only", .serialized)
struct OnlyScopeTests {
    static func workflow(_ path: String, only: String?) -> Workflow {
        var options = RosterOptions(manifestPath: path)
        options.only = only
        return Workflow(options: options)
    }

    @Test func planHasOnlyThePersonsStepsAndWhatTheyNeed() async throws {
        let path = try ExampleTests.copy("minimal")
        let result = try await Self.workflow(path, only: "chloe.martin@acme.example").plan()
        #expect(
            result.plan.steps.map(\.id) == [
                #"create:corp.group["Night Shift"]"#, #"create:corp.user["chloe.martin@acme.example"]"#,
                #"add:corp.membership["Night Shift","chloe.martin@acme.example"]"#,
                #"add:corp.membership["Support","chloe.martin@acme.example"]"#,
            ])
        #expect(result.plan.violations.isEmpty && !result.plan.hasErrors)
        let full = try await Self.workflow(path, only: nil).plan()
        #expect(full.plan.steps.count > result.plan.steps.count + 5)
    }

    @Test func applyChangesThePersonAndNobodyElse() async throws {
        let path = try ExampleTests.copy("minimal")
        let report = try await Self.workflow(path, only: "CHLOE.MARTIN@acme.example").apply(ApplyRequest())
        #expect(report.converged)
        #expect(
            report.outcomes.allSatisfy {
                $0.address.userKey == "chloe.martin@acme.example" || $0.address.kind == .group
            })
        let rest = try await Self.workflow(path, only: nil).plan().plan.steps.map(\.id)
        // All of Chloe is done but her manager: Ana is not on corp yet, so the full apply sets it after creating Ana.
        #expect(rest.filter { $0.contains("chloe.martin") } == [#"update:corp.user["chloe.martin@acme.example"]"#])
        #expect(rest.contains(#"update:corp.user["ben.okafor@acme.example"]"#))
        #expect(rest.contains(#"deactivate:corp.user["old.timer@acme.example"]"#))
        #expect(try await Self.workflow(path, only: "chloe.martin@acme.example").plan().plan.isEmpty)
    }

    @Test func aPersonNoLongerDeclaredIsDeprovisionedAlone() async throws {
        let path = try ExampleTests.copy("minimal")
        let result = try await Self.workflow(path, only: "old.timer@acme.example").plan()
        #expect(
            result.plan.steps.map(\.id) == [
                #"remove:corp.membership["Support","old.timer@acme.example"]"#,
                #"deactivate:corp.user["old.timer@acme.example"]"#,
            ])
        let trace = try #require(result.trace)
        #expect(trace.stages.first?.title == "not declared in the manifests")
    }

    @Test func theTraceShowsProfilesOverridesDesiredAndLive() async throws {
        let directory = try temporaryDirectory("roster-only")
        try write(Self.profiled, to: "roster.yaml", in: directory)
        try write(Self.seed(otherAdminActive: false), to: "seed.json", in: directory)
        let result = try await Self.workflow(directory, only: "a@acme.example").plan()
        let text = try #require(result.trace?.text)
        #expect(text.contains("1. declared at \(directory)/roster.yaml:"))
        #expect(text.contains("base (\(directory)/roster.yaml:"))
        #expect(text.contains("    corp.active: true overrides false from profile base"))
        #expect(text.contains("own accounts at"))
        #expect(text.contains("corp: a@acme.example\n"))
        #expect(text.contains(#"roles = ["admin", "agent", "lead"]"#))
        #expect(text.contains("corp: id "))
        #expect(text.contains("owned by roster, active"))
        #expect(text.contains("6. plan: 1 step (1 about them"))
    }

    @Test(arguments: [true, false])
    func theLastAdminGuardCountsEveryoneAsTheyAre(otherAdminActive: Bool) async throws {
        let directory = try temporaryDirectory("roster-only")
        try write(Self.seed(otherAdminActive: otherAdminActive), to: "seed.json", in: directory)
        let demoted = Self.profiled.replacingOccurrences(of: "roles: [lead, admin], active: true", with: "active: true")
        try write(demoted, to: "roster.yaml", in: directory)
        let full = try await Self.workflow(directory, only: nil).plan()
        #expect(full.plan.violations.map(\.kind) == [.lockout], "a loses admin and b is deprovisioned")
        let scoped = try await Self.workflow(directory, only: "a@acme.example").plan()
        #expect(scoped.plan.steps.map(\.id) == [#"update:corp.user["a@acme.example"]"#])
        // b stays as it is in a scoped run: still an active admin, or never one to count on.
        #expect(scoped.plan.violations.map(\.kind) == (otherAdminActive ? [] : [.lockout]))
    }

    @Test func theCommandLinePrintsTheTraceBeforeThePlan() throws {
        let path = try ExampleTests.copy("minimal")
        let run = try RosterCLI().run(["plan", path, "--only", "ben.okafor@acme.example", "--detailed-exitcode"])
        #expect(run.status == 2, "\(run)")
        let trace = try #require(run.stdout.range(of: "Trace for ben.okafor@acme.example"))
        let plan = try #require(run.stdout.range(of: #"~ user "ben.okafor@acme.example""#))
        #expect(trace.lowerBound < plan.lowerBound)
        #expect(!run.stdout.contains("chloe"))
        let json = try RosterCLI().run(["plan", path, "--only", "ben.okafor@acme.example", "--output", "json"])
        #expect(json.stderr.contains("Trace for ben.okafor@acme.example"))
        #expect(json.stdout.hasPrefix("{"))
    }

    @Test func theProviderFlagPlansOnlyThatProviderAndNamesTheDeclaredOnes() throws {
        let directory = try temporaryDirectory("roster-only")
        try write(Self.twoProviders, to: "roster.yaml", in: directory)
        let cli = RosterCLI()
        let one = try cli.run(["plan", directory, "--provider", "b", "--output", "json"])
        #expect(one.status == 0, "\(one)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let providers = (plan["providers"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(providers == ["b"])
        let steps = (plan["steps"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(steps == [#"create:b.user["p@acme.example"]"#])
        let unknown = try cli.run(["plan", directory, "--provider", "c"])
        #expect(
            unknown.status == 64 && unknown.stderr.contains("no provider named c in the manifests (they declare: a, b)")
        )
    }

    static let twoProviders = """
        version: 1
        providers:
          a: { type: scim, endpoint: "emulator:" }
          b: { type: scim, endpoint: "emulator:" }
        people:
          - { userName: p@acme.example, givenName: P, familyName: Q, accounts: { a: {}, b: {} } }

        """

    static let profiled = """
        version: 1
        providers:
          corp:
            type: scim
            endpoint: "emulator:"
            emulator: { seed: seed.json }
        profiles:
          base:
            corp: { roles: [agent], active: false }
        people:
          - userName: a@acme.example
            givenName: A
            familyName: Admin
            profiles: [base]
            accounts:
              corp: { roles: [lead, admin], active: true }
          - userName: b@acme.example
            givenName: B
            familyName: Admin
            profiles: [base]
            accounts: { corp: { roles: [admin] } }

        """

    /// Two admins, a active, b as given.
    static func seed(otherAdminActive: Bool) -> String {
        """
        {"users": [
          {"userName": "a@acme.example", "externalId": "roster:a@acme.example",
           "name": {"givenName": "A", "familyName": "Admin"}, "displayName": "A Admin",
           "roles": [{"value": "agent"}, {"value": "admin"}]},
          {"userName": "b@acme.example", "externalId": "roster:b@acme.example",
           "name": {"givenName": "B", "familyName": "Admin"}, "displayName": "B Admin",
           "active": \(otherAdminActive), "roles": [{"value": "agent"}, {"value": "admin"}]}
        ]}
        """
    }
}
