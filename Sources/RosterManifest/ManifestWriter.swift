import Foundation
import RosterModel
import RosterYAML

/// Writes an `ImportedManifest` as manifest files through libyaml's emitter.
///
/// Files, relative to the output folder:
/// - `roster.yaml`: `version`, the top-level `policy` and the `providers` blocks copied from the existing manifests
///   (credentials stay references; relative seed and credential-file paths are rewritten for the new place),
/// - `catalog.yaml`: `skills` and `roles`, `profiles.yaml`, `groups.yaml` (each only when there is something in it),
/// - `people/*.yaml`, split as the layout says.
///
/// The same manifest always gives the same bytes.
public struct ManifestWriter: Sendable {
    /// How people are split into files.
    public var layout: ImportLayout
    /// Comment lines (without `#`) at the top of every file.
    public var header: [String]

    /// One file to write.
    public struct File: Sendable, Hashable {
        /// The path relative to the output folder, with `/` separators.
        public var path: String
        /// The file's text.
        public var text: String

        /// Creates a file.
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Creates a writer.
    public init(layout: ImportLayout = .provider, header: [String] = []) {
        self.layout = layout
        self.header = header
    }

    /// The files for `manifest`, sorted by path.
    ///
    /// - Parameters:
    ///   - manifest: What to write.
    ///   - providers: The providers whose blocks are copied, by name.
    ///   - sources: The existing manifests' text by path, as the loader read them.
    ///   - directory: The output folder (relative to the current directory or absolute), to rewrite relative paths.
    /// - Throws: `ImportError` when the existing manifests cannot be read back or a file cannot be written.
    public func files(
        _ manifest: ImportedManifest, providers: [String], sources: [String: String], directory: String
    ) throws(ImportError) -> [File] {
        let blocks = try SourceBlocks(sources: sources)
        let missing = providers.filter { blocks.providers[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError("the existing manifests declare no provider named \(missing.joined(separator: ", "))")
        }
        let rosterPath = Self.join(directory, "roster.yaml")
        var files: [File] = []
        var root: [(String, YAMLEmitter.Node)] = [("version", .int(1))]
        if let policy = blocks.policy { root.append(("policy", Self.copied(policy, relocatedFor: rosterPath))) }
        root.append(
            (
                "providers",
                .block(
                    providers.sorted().compactMap { name in
                        blocks.providers[name].map { block in
                            let adopted = manifest.adopting.contains(name) ? Self.adopting(block) : block
                            return (name, Self.copied(adopted, relocatedFor: rosterPath))
                        }
                    })
            ))
        files.append(try file("roster.yaml", .block(root), about: "the providers, copied from the existing manifests"))
        files += try catalogFiles(manifest)
        files += try peopleFiles(manifest)
        return files.sorted { $0.path < $1.path }
    }

    /// `catalog.yaml`, `profiles.yaml` and `groups.yaml`, each when it has content.
    private func catalogFiles(_ manifest: ImportedManifest) throws(ImportError) -> [File] {
        var files: [File] = []
        var catalog: [(String, YAMLEmitter.Node)] = []
        if !manifest.skills.isEmpty {
            catalog.append(
                ("skills", .block(manifest.skills.sorted { $0.key < $1.key }.map { ($0.key, Self.skills($0.value)) })))
        }
        if !manifest.roles.isEmpty {
            catalog.append(
                ("roles", .block(manifest.roles.sorted { $0.key < $1.key }.map { ($0.key, .flowList($0.value)) })))
        }
        if !catalog.isEmpty {
            files.append(try file("catalog.yaml", .block(catalog), about: "skills and role names on each platform"))
        }
        if !manifest.profiles.isEmpty {
            let profiles = YAMLEmitter.Node.block([("profiles", .block(manifest.profiles.map(Self.profile)))])
            files.append(try file("profiles.yaml", profiles, about: "settings many people share, one profile each"))
        }
        if !manifest.groups.isEmpty {
            let groups = YAMLEmitter.Node.block([("groups", .sequence(manifest.groups.map(Self.group), flow: false))])
            files.append(try file("groups.yaml", groups, about: "groups and their members"))
        }
        return files
    }

    /// The people, one file per provider set or per department.
    private func peopleFiles(_ manifest: ImportedManifest) throws(ImportError) -> [File] {
        let covered = Dictionary(manifest.profiles.map { ($0.name, $0.provider) }, uniquingKeysWith: { a, _ in a })
        var byFile: [String: [ImportedPerson]] = [:]
        for person in manifest.people { byFile[fileName(for: person), default: []].append(person) }
        var files: [File] = []
        for (name, people) in byFile.sorted(by: { $0.key < $1.key }) {
            let nodes = people.map { person in
                Self.person(person, profileProviders: Set(person.profiles.compactMap { covered[$0] }))
            }
            let about =
                layout == .provider
                ? "people with accounts on \(name.replacingOccurrences(of: "+", with: " and "))" : "people in \(name)"
            files.append(
                try file("people/\(name).yaml", .block([("people", .sequence(nodes, flow: false))]), about: about))
        }
        return files
    }

    /// The people file a person goes to (without `people/` and `.yaml`).
    func fileName(for person: ImportedPerson) -> String {
        switch layout {
        case .provider:
            let providers = person.providers.sorted()
            return providers.isEmpty ? "no-provider" : providers.joined(separator: "+")
        case .team:
            let slug = ImportContext.slug(person.identity[Attribute.department] ?? "")
            return slug.isEmpty ? "unassigned" : slug
        }
    }

    /// A file: the header comments, a line saying what it holds, then the YAML.
    private func file(_ path: String, _ root: YAMLEmitter.Node, about: String) throws(ImportError) -> File {
        let text: String
        do {
            text = try YAMLEmitter().emit(root)
        } catch {
            throw ImportError("\(path): \(error)")
        }
        let comments = (header + [about.prefix(1).uppercased() + about.dropFirst() + "."]).map { "# \($0)\n" }.joined()
        return File(path: path, text: comments + text)
    }

    /// `directory/name`, or `name` for the current directory.
    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : (directory.hasSuffix("/") ? directory : directory + "/") + name
    }
}
