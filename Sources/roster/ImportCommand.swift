import ArgumentParser
import Foundation
import Roster
import RosterManifest
import RosterModel
import RosterRender

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write manifests from what the providers hold now, so that `roster plan` right after shows nothing.",
        discussion: """
            Reads live state from the providers the manifests at PATH configure (only their `providers` and \
            `policy` are used, and copied: credentials stay references) and writes a folder of manifests: \
            roster.yaml, catalog.yaml, profiles.yaml, groups.yaml and people/*.yaml.
            People are matched across providers by userName (case-insensitive), then by e-mail; identity \
            attributes are written once, per-provider settings as accounts. Settings that --profile-min or more \
            people share on a provider become a profile named after its content.
            Objects without roster's ownership marker are left out unless --adopt (or the provider's policy is \
            `prune: all`); the planner then manages them as declared but does not write the marker into objects \
            it did not create, so the plan right after an adopting import is empty too.
            """)

    @Argument(help: "Existing manifests (a file or folder) that configure the providers.")
    var path: String

    @OptionGroup var manifest: ManifestOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the manifests into.", valueName: "dir"))
    var out = "imported"

    @Option(name: .long, help: "provider: people/<provider>.yaml per provider; team: people/<department>.yaml.")
    var layout: LayoutOption = .provider

    @Flag(name: .long, help: "Also import objects without roster's ownership marker.")
    var adopt = false

    @Option(name: .long, help: "Extract a profile when at least this many people share settings (0: never).")
    var profileMin = 5

    @Flag(name: .long, help: "Replace the manifest files (*.yaml, *.yml) of a folder that is not empty.")
    var force = false

    func validate() throws {
        if manifest.only != nil { throw ValidationError("--only is for plan and apply; import reads every person") }
    }

    func run() async throws {
        let request = ImportRequest(
            outputDirectory: out,
            options: ImportOptions(adopt: adopt, profileThreshold: profileMin, layout: layout.value),
            force: force)
        let result: ImportResult
        do {
            result = try await Workflow(options: manifest.options(path: path)).importLive(request)
        } catch let error as RosterError {
            throw ErrorReport.exit(for: error)
        }
        if !result.manifest.notes.isEmpty {
            Terminal.error(DiagnosticRenderer(color: Terminal.color, sources: [:]).render(result.manifest.notes))
        }
        print(Self.summary(result), terminator: "")
    }

    /// What was written, and the command that shows it plans empty.
    static func summary(_ result: ImportResult) -> String {
        let imported = result.manifest
        let adopted = imported.people.filter { $0.adoption != nil }.count
        var lines = [
            "Imported \(count(imported.people.count, "person", "people")) (\(adopted) adopted), "
                + "\(count(imported.groups.count, "group")) and \(count(imported.profiles.count, "profile")) "
                + "from \(result.providers.joined(separator: ", ")) into \(result.outputDirectory):"
        ]
        lines += result.files.map { "  \($0)" }
        var check = "roster plan \(result.outputDirectory)"
        if let state = result.emulatorStateDirectory { check += " --state-dir \(state)" }
        lines.append("Check it: \(check)   (expect: no changes)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}

/// `--layout` values.
enum LayoutOption: String, ExpressibleByArgument, CaseIterable {
    case provider, team

    var value: ImportLayout {
        switch self {
        case .provider: .provider
        case .team: .team
        }
    }
}
