import Foundation
import Roster
import RosterManifest
import RosterModel
import RosterTestSupport
import Testing

/// `roster import` against a hand-made org of a few hundred people on three SCIM providers (embedded emulators):
/// the plan right after is empty, the output is deterministic and valid, and editing one person gives one step.
@Suite("Import round trip", .serialized)
struct ImportRoundTripTests {
    @Test func importedManifestsPlanEmptyAgainstWhatWasImported() async throws {
        let org = try ImportOrg(size: 300)
        let result = try await org.importLive(into: "out")
        #expect(result.providers == ["corp", "helpdesk", "intranet"])
        #expect(result.manifest.people.count == org.size + 1)  // + the unmanaged member of an owned group
        #expect(
            result.files == [
                "groups.yaml", "people/corp+helpdesk+intranet.yaml", "people/corp+intranet.yaml", "people/corp.yaml",
                "profiles.yaml", "roster.yaml",
            ])
        let plan = try await org.plan("out")
        #expect(plan.plan.steps.isEmpty, "\(plan.plan.steps.map(\.id).prefix(10))")
        #expect(!plan.plan.hasErrors)
        #expect(plan.plan.providers.map(\.unmanagedUsers) == [ImportOrg.unmanaged - 1, 0, 0])
        #expect(plan.plan.providers.map(\.unmanagedGroups) == [1, 0, 0])
    }

    @Test func peopleAreMatchedAcrossProvidersByUserNameAndEmail() async throws {
        let org = try ImportOrg()
        let result = try await org.importLive(into: "out")
        let agent4 = try #require(result.manifest.people.first { $0.userName == "agent4@acme.example" })
        #expect(agent4.providers == ["corp", "helpdesk", "intranet"])
        #expect(agent4.accounts["helpdesk"]?.userName == "hd4")
        #expect(agent4.accounts["corp"]?.userName == nil)
        let text = try org.read("out/people/corp+helpdesk+intranet.yaml")
        #expect(text.contains("helpdesk: {userName: hd4}"))
    }

    @Test func profilesAreExtractedAndNamedAfterTheirContent() async throws {
        let org = try ImportOrg()
        let result = try await org.importLive(into: "out")
        let names = result.manifest.profiles.map(\.name)
        #expect(
            names == ["corp-agent", "corp-agent-supervisor", "helpdesk-tier1", "helpdesk-tier2", "intranet-employee"])
        let profiles = try org.read("out/profiles.yaml")
        #expect(profiles.contains("  corp-agent:\n    corp: {roles: [agent]}\n"))
        let agent5 = try #require(result.manifest.people.first { $0.userName == "agent5@acme.example" })
        #expect(agent5.profiles == ["intranet-employee"])
        #expect(agent5.accounts["corp"]?.settings["roles"] == .list(["admin"]))
    }

    @Test func editingOnePersonsRolesGivesAOneStepPlan() async throws {
        let org = try ImportOrg(size: 300)
        _ = try await org.importLive(into: "out")
        let file = "out/people/corp+intranet.yaml"
        let text = try org.read(file)
        #expect(text.contains("    corp: {roles: [admin]}\n"))
        try org.write(
            text.replacingOccurrences(of: "corp: {roles: [admin]}", with: "corp: {roles: [admin, supervisor]}"),
            to: file)
        let plan = try await org.plan("out")
        #expect(plan.plan.steps.map(\.id) == [#"update:corp.user["agent5@acme.example"]"#])
        #expect(plan.plan.steps.first?.changes.map(\.name) == ["roles"])
    }

    @Test func theSameLiveStateGivesTheSameBytes() async throws {
        let org = try ImportOrg()
        let first = try await org.importLive(into: "one")
        _ = try await org.importLive(into: "two")
        for file in first.files {
            #expect(try org.read("one/\(file)") == org.read("two/\(file)"), "\(file) differs")
        }
    }

    @Test func providersAreCopiedWithReferencesNeverValuesAndPathsStillResolve() async throws {
        let org = try ImportOrg()
        _ = try await org.importLive(into: "nested/out")
        let roster = try org.read("nested/out/roster.yaml")
        #expect(roster.contains("credentials:\n      token: {env: CORP_TOKEN}\n"))
        #expect(roster.contains("emulator: {seed: ../../src/seeds/corp.json}"))
        #expect(roster.contains("credentials:\n      token: {file: ../../src/secrets/helpdesk-token}"))
        #expect(roster.contains("policy:\n  prune: owned\n  protect: [agent0@acme.example]\n"))
        #expect(!roster.contains(ImportOrg.secret))
        let loaded = ManifestLoader().load(path: org.path("nested/out"))
        let helpdesk = try #require(loaded.desired?.provider(named: "helpdesk"))
        #expect(helpdesk.credentials["token"] == .file(org.path("src/secrets/helpdesk-token")))
    }

    @Test func unownedObjectsAreLeftOutUnlessAdopted() async throws {
        let org = try ImportOrg()
        let plain = try await org.importLive(into: "plain")
        #expect(!plain.manifest.people.contains { $0.userName.hasPrefix("contractor2") })
        #expect(plain.manifest.people.first { $0.userName.hasPrefix("contractor0") }?.adoption == .groupMember)
        #expect(!plain.manifest.groups.contains { $0.name == "Legacy" })
        let adopted = try await org.importLive(into: "adopted", adopt: true)
        #expect(adopted.manifest.people.count == org.size + ImportOrg.unmanaged)
        #expect(adopted.manifest.groups.contains { $0.name == "Legacy" })
        let plan = try await org.plan("adopted")
        // The plan right after an adopting import changes nothing but the ownership marker of the adopted users.
        #expect(!plan.plan.steps.isEmpty)
        #expect(plan.plan.steps.allSatisfy { $0.action == .update && $0.changes.map(\.name) == ["externalId"] })
        #expect(
            plan.plan.steps.count
                == adopted.manifest.people.filter { $0.adoption == .requested }.map(\.accounts.count).reduce(0, +))
        #expect(plan.plan.providers.allSatisfy { $0.unmanagedUsers == 0 && $0.unmanagedGroups == 0 })
        #expect(try org.read("adopted/roster.yaml").contains("adopt: true"))
        let options = RosterOptions(manifestPath: org.path("adopted"), stateDirectory: org.path("src/.roster"))
        #expect(try await Workflow(options: options).apply(ApplyRequest()).converged)
        #expect(try await org.plan("adopted").plan.isEmpty)
        // Adopted means owned: under prune: owned, a person removed from the manifests is now deprovisioned.
        let file = "adopted/people/corp.yaml"
        let text = try org.read(file)
        let start = try #require(text.range(of: "- userName: contractor2@partner.example"))
        let end = text.range(of: "\n- ", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        try org.write(
            text.replacingCharacters(in: start.lowerBound..<end, with: "").replacingOccurrences(of: "\n\n", with: "\n"),
            to: file)
        let removal = try await org.plan("adopted").plan
        #expect(removal.steps.map(\.id) == [#"deactivate:corp.user["contractor2@partner.example"]"#])
    }

    @Test func providerDisagreementsAreLeftOutAndNoted() async throws {
        let org = try ImportOrg()
        let result = try await org.importLive(into: "out")
        let agent3 = try #require(result.manifest.people.first { $0.userName == "agent3@acme.example" })
        #expect(agent3.identity["title"] == nil)
        #expect(
            result.manifest.notes.contains {
                $0.code == "import-conflict" && $0.message.contains("agent3@acme.example: title differs")
            })
    }

    @Test func aNonEmptyFolderIsRefusedWithoutForce() async throws {
        let org = try ImportOrg()
        try FileManager.default.createDirectory(atPath: org.path("out"), withIntermediateDirectories: true)
        try org.write("keep me\n", to: "out/README.md")
        try org.write("version: 1\n", to: "out/old.yaml")
        let error = await #expect(throws: RosterError.self) { try await org.importLive(into: "out") }
        #expect(error?.message.contains("is not empty") == true)
        _ = try await org.importLive(into: "out", force: true)
        #expect(!FileManager.default.fileExists(atPath: org.path("out/old.yaml")))
        #expect(try org.read("out/README.md") == "keep me\n")
        #expect(try await org.plan("out").plan.steps.isEmpty)
    }

    @Test func theCommandLineWritesTheFilesAndSaysHowToCheckThem() async throws {
        let org = try ImportOrg()
        let cli = RosterCLI()
        let run = try cli.run(["import", org.path("src"), "--out", org.path("cli"), "--layout", "team"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Imported 61 people (1 adopted), 2 groups and 5 profiles"))
        #expect(run.stdout.contains("--state-dir \(org.path("src/.roster"))"))
        #expect(run.stderr.contains("agent3@acme.example: title differs between providers"))
        #expect(FileManager.default.fileExists(atPath: org.path("cli/people/sales.yaml")))
        let plan = try cli.run(["plan", org.path("cli"), "--state-dir", org.path("src/.roster"), "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan)")
        let validate = try cli.run(["validate", org.path("cli")])
        #expect(validate.status == 0, "\(validate)")
        let again = try cli.run(["import", org.path("src"), "--out", org.path("cli")])
        #expect(again.status == 64 && again.stderr.contains("--force"), "\(again)")
    }
}

/// The minimal example after its first apply, imported: every file, pinned by a golden file.
@Suite("Import golden")
struct ImportGoldenTests {
    @Test func theMinimalExampleImportsAsTheGoldenFiles() async throws {
        let directory = try temporaryDirectory("roster-import-golden")
        let source = (directory as NSString).appendingPathComponent("minimal")
        try FileManager.default.moveItem(atPath: try ExampleTests.copy("minimal"), toPath: source)
        #expect(try await Workflow(options: RosterOptions(manifestPath: source)).apply(ApplyRequest()).converged)
        let out = (directory as NSString).appendingPathComponent("imported")
        let result = try await Workflow(options: RosterOptions(manifestPath: source)).importLive(
            ImportRequest(outputDirectory: out, options: ImportOptions(profileThreshold: 2)))
        var text = ""
        for file in result.files {
            text += "=== \(file)\n" + (try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8))
        }
        try Golden.check(text, "import-minimal.txt")
        let plan = try await Workflow(options: RosterOptions(manifestPath: out, stateDirectory: "\(source)/.roster"))
            .plan()
        #expect(plan.plan.isEmpty)
    }
}

/// A hand-made org on three `scim` providers, as emulator seeds beside a manifest that only configures providers:
/// `corp` (everyone, some unmanaged contractors, owned and unowned groups), `intranet` (the first 200, one title in
/// fifty differs from corp's) and `helpdesk` (every even person of the first hundred, under short userNames, matched
/// by e-mail).
struct ImportOrg {
    /// People on corp: a few hundred for the round trip, fewer where only the shape matters.
    let size: Int
    static let unmanaged = 10
    static let secret = "s3cr3t-helpdesk-token"

    let directory: String

    init(size: Int = 60) throws {
        self.size = size
        directory = try temporaryDirectory("roster-import")
        for folder in ["src/seeds", "src/secrets"] {
            try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
        }
        try write(Self.secret + "\n", to: "src/secrets/helpdesk-token")
        try write(Self.manifest, to: "src/roster.yaml")
        try write(Self.seed(size: size, corp: true), to: "src/seeds/corp.json")
        try write(Self.seed(size: size, intranet: true), to: "src/seeds/intranet.json")
        try write(Self.seed(size: size, helpdesk: true), to: "src/seeds/helpdesk.json")
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    /// Imports the providers of `src/` into `folder`.
    func importLive(into folder: String, adopt: Bool = false, force: Bool = false) async throws -> ImportResult {
        try await Workflow(options: RosterOptions(manifestPath: path("src"))).importLive(
            ImportRequest(outputDirectory: path(folder), options: ImportOptions(adopt: adopt), force: force))
    }

    /// Plans `folder` against the emulators' state the import read.
    func plan(_ folder: String) async throws -> PlanResult {
        try await Workflow(options: RosterOptions(manifestPath: path(folder), stateDirectory: path("src/.roster")))
            .plan()
    }

    static let manifest = """
        version: 1
        policy: { prune: owned, protect: [agent0@acme.example] }
        providers:
          corp:
            type: scim
            endpoint: "emulator:"
            emulator: { seed: seeds/corp.json }
            credentials: { token: { env: CORP_TOKEN } }
          intranet:
            type: scim
            endpoint: "emulator:"
            emulator: { seed: seeds/intranet.json }
          helpdesk:
            type: scim
            endpoint: "emulator:"
            emulator: { seed: seeds/helpdesk.json }
            credentials:
              token: { file: secrets/helpdesk-token }

        """

    static let departments = ["Sales", "Support", "Billing"]

    /// One provider's seed.
    static func seed(size: Int, corp: Bool = false, intranet: Bool = false, helpdesk: Bool = false) -> String {
        var users: [[String: Any]] = []
        var groups: [[String: Any]] = []
        for index in 0..<size {
            let email = "agent\(index)@acme.example"
            var user = person(index, email: email)
            if corp {
                let roles = index == 5 ? ["admin"] : index % 10 == 0 ? ["agent", "supervisor"] : ["agent"]
                user["roles"] = roles.map { ["value": $0] }
                user["active"] = index % 29 != 0
            } else if intranet {
                guard index < 200 else { continue }
                if index % 50 == 3 { user["title"] = "Intranet \(index)" }
                user["roles"] = [["value": "employee"]]
            } else if helpdesk {
                guard index < 100, index % 2 == 0 else { continue }
                user["userName"] = "hd\(index)"
                user["externalId"] = "roster:hd\(index)"
                user["roles"] = [["value": index % 4 == 0 ? "tier1" : "tier2"]]
            }
            users.append(user)
        }
        if corp {
            for index in 0..<unmanaged {
                users.append([
                    "userName": "contractor\(index)@partner.example",
                    "name": ["givenName": "Con", "familyName": "Tractor\(index)"],
                    "displayName": "Con Tractor\(index)", "roles": [["value": "agent"]],
                ])
            }
            let sales = (0..<size).filter { $0 % 3 == 0 }.map { ["userName": "agent\($0)@acme.example"] }
            let night = (0..<size).filter { $0 % 7 == 0 }.map { ["userName": "agent\($0)@acme.example"] }
            groups = [
                ["displayName": "Sales Floor", "externalId": "roster:sales floor", "members": sales],
                [
                    "displayName": "Night Shift", "externalId": "roster:night shift",
                    "members": night + [["userName": "contractor0@partner.example"]],
                ],
                ["displayName": "Legacy", "members": [["userName": "contractor1@partner.example"]]],
            ]
        }
        let data = try! JSONSerialization.data(
            withJSONObject: ["users": users, "groups": groups], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// What every provider says about person `index`.
    static func person(_ index: Int, email: String) -> [String: Any] {
        [
            "userName": email, "externalId": "roster:\(email)",
            "name": ["givenName": "Agent", "familyName": "N\(index)"],
            "displayName": index % 17 == 0 ? "A. N\(index)" : "Agent N\(index)",
            "title": index % 10 == 0 ? "Supervisor" : "Agent",
            "emails": [["value": email, "type": "work", "primary": true]],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": ["department": departments[index % 3]],
        ]
    }
}
