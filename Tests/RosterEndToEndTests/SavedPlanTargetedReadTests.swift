import Foundation
import HTTPTypes
import Roster
import RosterEmulatorServer
import RosterEmulators
import RosterModel
import RosterRender
import RosterTestSupport
import Testing

/// Plans from `manifest` and reads the plan back as `roster plan --out` and `roster apply plan.json` would.
private func planFile(_ workflow: Workflow, manifest: String) async throws -> SavedPlan {
    let result = try await workflow.plan()
    var document = PlanDocument(
        plan: result.plan,
        metadata: PlanDocument.Metadata(
            createdAt: Date(), manifestDigest: result.manifestDigest, manifestPath: manifest))
    document.planDigest = planDigest(payload: document.digestPayload)
    let read = try PlanDocument.decode(PlanDocument.encode(document))
    return SavedPlan(
        plan: read.plan(), rosterVersion: read.rosterVersion, manifestDigest: read.manifestDigest,
        planDigest: read.planDigest, digestPayload: read.digestPayload, path: "plan.json")
}

/// Two people and one group on a provider block given as lines; Ana's title (none: no titles) and the group's
/// members vary.
private func manifest(provider: String, anaTitle: String?, members: [String], extra: String = "") -> String {
    let people = ["ana", "ben"].map { name in
        let title = anaTitle.map { "    title: \(name == "ana" ? $0 : "Agent")\n" } ?? ""
        return """
              - userName: \(name)@acme.example
                givenName: \(name.capitalized)
                familyName: Test
                email: \(name)@acme.example

            """ + title + "    accounts: { corp: \(extra.isEmpty ? "{}" : extra) }\n"
    }
    let list = members.map { "\($0)@acme.example" }.joined(separator: ", ")
    return "version: 1\nproviders:\n  corp:\n" + provider + "people:\n" + people.joined()
        + "groups:\n  - name: Floor\n    on: [corp]\n    members: [\(list)]\n"
}

@Suite("Apply: a saved plan reads only what it touches", .serialized)
struct SavedPlanTargetedReadTests {
    /// Applies `base`, then plans `wanted` into a saved plan; returns the workflow for `wanted` and that plan.
    private func savedPlan(
        base: String, wanted: String, environment: [String: String]
    ) async throws -> (Workflow, SavedPlan) {
        let directory = try temporaryDirectory()
        let state = (directory as NSString).appendingPathComponent(".roster")
        let basePath = try write(base, to: "base.yaml", in: directory)
        let wantedPath = try write(wanted, to: "wanted.yaml", in: directory)
        let first = Workflow(
            options: RosterOptions(manifestPath: basePath, stateDirectory: state, environment: environment))
        #expect(try await first.apply(ApplyRequest()).converged)
        let second = Workflow(
            options: RosterOptions(manifestPath: wantedPath, stateDirectory: state, environment: environment))
        return (second, try await planFile(second, manifest: wantedPath))
    }

    /// Applies `base`, plans `wanted` into a saved plan, clears the log and applies the saved plan.
    private func applySaved(
        base: String, wanted: String, environment: [String: String], log: RequestLog
    ) async throws -> ApplyReport {
        let (workflow, saved) = try await savedPlan(base: base, wanted: wanted, environment: environment)
        log.clear()
        return try await workflow.apply(ApplyRequest(savedPlan: saved))
    }

    /// A generic SCIM emulator with a thousand people roster does not manage, served on loopback while `body` runs
    /// with the provider block that reaches it.
    private func withThousandPeople(
        _ body: (SCIMEmulator, RequestLog, _ provider: String, _ environment: [String: String]) async throws -> Void
    ) async throws {
        let others = (0..<1_000).map { index in
            #"{"userName": "\#(SyntheticOrg.userName(index))", "name": {"givenName": "U", "familyName": "N"}}"#
        }
        var options = SCIMEmulatorOptions()
        options.token = "corp-token-for-tests"
        let emulator = try SCIMEmulator(
            options: options, seed: SCIMSeed(json: Data(#"{"users": [\#(others.joined(separator: ","))]}"#.utf8)))
        let log = RequestLog(emulator)
        try await withLoopbackEmulators(["corp": log]) { port in
            let provider = """
                    type: scim
                    endpoint: "http://127.0.0.1:\(port)/corp"
                    credentials: { token: { env: CORP_TOKEN } }
                    pace: { requestsPerSecond: 1000, concurrency: 4 }

                """
            try await body(emulator, log, provider, ["CORP_TOKEN": options.token])
        }
    }

    @Test func scimReadsTheThreeTouchedObjectsAmongAThousandAndNoFullList() async throws {
        try await withThousandPeople { _, log, provider, environment in
            let report = try await applySaved(
                base: manifest(provider: provider, anaTitle: "Agent", members: ["ana"]),
                wanted: manifest(provider: provider, anaTitle: "Team Lead", members: ["ana", "ben"]),
                environment: environment, log: log)
            #expect(report.converged, "\(report.outcomes)")
            #expect(report.outcomes.map(\.stepID).count == 2, "ana's title and ben joining Floor")
            let reads = log.readsBeforeFirstWrite.map(\.description)
            // The size question (ids only), then one filtered read per touched object: Ana, Ben and Floor.
            #expect(reads.count == 4, "\(reads)")
            #expect(reads.filter { $0.contains("attributes=id") }.count == 1, "\(reads)")
            #expect(reads.filter { $0.contains(#"filter=userName eq ""#) }.count == 2, "\(reads)")
            #expect(reads.filter { $0.contains(#"filter=displayName eq "Floor""#) }.count == 1, "\(reads)")
        }
    }

    @Test func anInterruptedSavedPlanResumesOnATargetedReadWithoutCallingItsOwnWorkStale() async throws {
        try await withThousandPeople { emulator, log, provider, environment in
            let (workflow, saved) = try await savedPlan(
                base: manifest(provider: provider, anaTitle: "Agent", members: ["ana"]),
                wanted: manifest(provider: provider, anaTitle: "Team Lead", members: ["ana", "ben"]),
                environment: environment)
            await emulator.inject(FaultRule(.status(400, retryAfter: nil), method: .patch, pathPrefix: "/Groups"))
            let first = try await workflow.apply(ApplyRequest(savedPlan: saved))
            #expect(first.outcomes.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.applied, .failed])
            await emulator.clearFaults()
            log.clear()
            // Ana's title moved since the plan, but the journal says this plan moved it: not stale.
            let second = try await workflow.apply(ApplyRequest(savedPlan: saved))
            #expect(second.converged, "\(second.outcomes)")
            #expect(second.outcomes.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.alreadyDone, .applied])
            #expect(log.readsBeforeFirstWrite.count == 4, "\(log.readsBeforeFirstWrite)")
        }
    }

    @Test func five9AsksForTheTouchedNamesInOneQueryPerKind() async throws {
        let others = (0..<300).map { index in
            #"{"userName": "\#(SyntheticOrg.userName(index))", "firstName": "U", "lastName": "N", "roles": ["agent"]}"#
        }
        let seed = #"{"vendor": {"skills": [{"name": "Sales"}], "users": [\#(others.joined(separator: ","))]}}"#
        let emulator = try VendorEmulators.five9(seed: VendorSeed(json: Data(seed.utf8)))
        let log = RequestLog(emulator)
        try await withLoopbackEmulators(["five9": log]) { port in
            let provider = """
                    type: five9
                    endpoint: "http://127.0.0.1:\(port)/five9"
                    credentials: { username: { env: FIVE9_USER }, password: { env: FIVE9_PASSWORD } }

                """
            let skills = "skills:\n  corp: [Sales]\n"
            let report = try await applySaved(
                base: manifest(
                    provider: provider, anaTitle: nil, members: ["ana"],
                    extra: "{ roles: [agent], skills: { Sales: 1 } }") + skills,
                wanted: manifest(
                    provider: provider, anaTitle: nil, members: ["ana", "ben"],
                    extra: "{ roles: [agent], skills: { Sales: 2 } }") + skills,
                environment: ["FIVE9_USER": emulator.adminUserName, "FIVE9_PASSWORD": emulator.adminPassword],
                log: log)
            #expect(report.converged, "\(report.outcomes)")
            let operations = log.all.map(Self.operation)
            let reads = Array(operations.prefix { $0.hasPrefix("get") })
            #expect(
                reads == [
                    #"getUsersInfo (?i)(?:ana@acme\.example|ben@acme\.example)"#, "getAgentGroups Floor",
                    "getSkills Sales",
                ], "\(operations)")
        }
    }

    /// `getUsersInfo (?i)ana…`: a SOAP request's operation and the name pattern it carries.
    static func operation(_ entry: RequestLog.Entry) -> String {
        guard let range = entry.body.range(of: #"<ser:\w+"#, options: .regularExpression) else { return entry.path }
        let name = String(entry.body[range].dropFirst(5))
        let pattern = entry.body.range(of: #"Pattern>[^<]*<"#, options: .regularExpression).map {
            " " + entry.body[$0].dropFirst(8).dropLast()
        }
        return name + (pattern ?? "")
    }
}
