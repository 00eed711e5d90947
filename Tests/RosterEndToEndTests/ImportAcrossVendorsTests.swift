import Foundation
import Roster
import RosterManifest
import RosterModel
import RosterTestSupport
import Testing

/// `roster import` over the contact-center example grown to a few hundred people, on every provider roster can plan
/// today (the generic SCIM intranet always; each vendor as its adapter lands): apply the manifests, import what the
/// emulators then hold, and the plan of the imported files is empty; one person's edited settings give one step.
@Suite("Import across vendors", .serialized)
struct ImportAcrossVendorsTests {
    static let generated = 270

    @Test func importOfAFewHundredPeoplePlansEmptyOnEveryPlannableProvider() async throws {
        let org = try await OrganisationCache.shared.organisation()
        let result = try await org.workflow(org.source).importLive(
            ImportRequest(outputDirectory: org.path("all"), options: ImportOptions(profileThreshold: 3)))
        #expect(result.manifest.people.count >= Self.generated)
        let plan = try await org.workflow(org.path("all"), state: org.state).plan()
        #expect(plan.plan.steps.isEmpty, "\(plan.plan.steps.prefix(5).map(\.id))")
        #expect(!plan.plan.hasErrors, "\(plan.plan.diagnostics.map(\.message))")
    }

    @Test func editingOnePersonsSettingsInTheImportedFilesGivesOneStep() async throws {
        let org = try await OrganisationCache.shared.organisation()
        _ = try await org.workflow(org.source).importLive(
            ImportRequest(outputDirectory: org.path("edited"), options: ImportOptions(profileThreshold: 3)))
        let (provider, attribute) = org.providers.contains("genesys") ? ("genesys", "skills") : ("intranet", "roles")
        let person = "gen0@acme.example"
        try org.edit(person, in: org.path("edited"), provider: provider)
        let plan = try await org.workflow(org.path("edited"), state: org.state).plan()
        #expect(plan.plan.steps.map(\.id) == ["update:\(provider).user[\"\(person)\"]"])
        #expect(plan.plan.steps.first?.changes.map(\.name) == [attribute])
    }

    /// The contact-center example plus generated people, applied to the emulators of every plannable provider.
    static func organisation() async throws -> Organisation {
        let directory = try temporaryDirectory("roster-import-vendors")
        let source = (directory as NSString).appendingPathComponent("source")
        try FileManager.default.moveItem(atPath: try ExampleTests.copy("contact-center"), toPath: source)
        let providers = "\(source)/providers.yaml"
        // Fast emulators, except Talkdesk's, which answers 429 beyond its documented 4 requests per second.
        var lines: [String] = []
        var provider = ""
        for line in try String(contentsOfFile: providers, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                provider = String(line.dropFirst(2).dropLast())
            }
            if line.contains("pace:") && provider != "talkdesk" { continue }
            lines.append(String(line))
            if line == "    endpoint: \"emulator:\"" && provider != "talkdesk" {
                lines.append("    pace: { requestsPerSecond: 5000, concurrency: 16 }")
            }
        }
        let text = lines.joined(separator: "\n")
        try text.write(toFile: providers, atomically: true, encoding: .utf8)
        try write(people(generated), to: "generated.yaml", in: "\(source)/people")
        return try await Organisation(directory: directory, source: source)
    }

    /// Support, office and back-office people on the example's profiles (none on Talkdesk, whose emulator, like
    /// Talkdesk, runs out of licences).
    static func people(_ count: Int) -> String {
        var text = "people:\n"
        for index in 0..<count {
            let (department, profiles, accounts) =
                switch index % 3 {
                case 0: ("Support", "[staff, support-agent]", "{ genesys: { division: Support } }")
                case 1: ("Office", "[staff]", "{}")
                default: ("Back Office", "[staff]", "{ x8: { site: Boston } }")
                }
            text += """
                  - userName: gen\(index)@acme.example
                    givenName: Gen
                    familyName: Person\(index)
                    email: gen\(index)@acme.example
                    title: Agent
                    department: \(department)
                    profiles: \(profiles)
                    accounts: \(accounts)

                """
        }
        return text
    }
}

/// Builds the organisation once for the suite: applying it is the slow part.
actor OrganisationCache {
    static let shared = OrganisationCache()
    private var building: Task<Organisation, any Error>?

    func organisation() async throws -> Organisation {
        if let building { return try await building.value }
        let task = Task { try await ImportAcrossVendorsTests.organisation() }
        building = task
        return try await task.value
    }
}

/// The source manifests, the providers roster can plan today, and the emulator state after applying them.
struct Organisation: Sendable {
    let directory: String
    let source: String
    let providers: [String]

    var state: String { "\(source)/.roster" }

    init(directory: String, source: String) async throws {
        self.directory = directory
        self.source = source
        providers = try await Self.plannable(source)
        try #require(providers.contains("intranet"))
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func workflow(_ manifests: String, state: String? = nil) -> Workflow {
        Workflow(options: RosterOptions(manifestPath: manifests, stateDirectory: state, providers: providers))
    }

    /// Providers whose plan does not stop at "roster cannot plan … yet", applied together (vendors run in parallel)
    /// so the emulators hold the org.
    static func plannable(_ source: String) async throws -> [String] {
        var plannable: [String] = []
        for name in ["five9", "genesys", "intranet", "talkdesk", "webex", "x8"] {
            do {
                _ = try await Workflow(options: RosterOptions(manifestPath: source, providers: [name])).plan()
                plannable.append(name)
            } catch let error as RosterError where error.message.contains("cannot plan") {
                continue
            }
        }
        // Whatever the emulators hold afterwards is what import reads; convergence is the apply tests' job.
        _ = try await Workflow(options: RosterOptions(manifestPath: source, providers: plannable)).apply(ApplyRequest())
        return plannable
    }

    /// Adds to one person's account on `provider`: a Genesys routing skill, or an intranet role.
    func edit(_ person: String, in folder: String, provider: String) throws {
        let files = FileManager.default.enumerator(atPath: folder)?.allObjects.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".yaml") {
            let path = (folder as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let start = text.range(of: "- userName: \(person)\n") else { continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n- ")?.lowerBound ?? text.endIndex
            var block = String(text[start.lowerBound..<end])
            if provider == "genesys" {
                block = block.replacingOccurrences(
                    of: "genesys: {division: Support}", with: "genesys: {division: Support, skills: {Hardware: 2}}")
            } else if block.contains("  accounts:\n") {
                block = block.replacingOccurrences(
                    of: "  accounts:\n", with: "  accounts:\n    intranet: {roles: [manager]}\n")
            } else {
                block += (block.hasSuffix("\n") ? "" : "\n") + "  accounts:\n    intranet: {roles: [manager]}"
            }
            try (text[..<start.lowerBound] + block + text[end...]).write(
                toFile: path, atomically: true, encoding: .utf8)
            return
        }
        Issue.record("\(person) not found in \(folder)")
    }
}
