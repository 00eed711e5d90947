import Foundation
public import RosterManifest
public import RosterModel

/// What `roster import` was asked to do.
public struct ImportRequest: Sendable {
    /// The folder to write the manifests into.
    public var outputDirectory: String
    /// What to include and how to lay it out.
    public var options: ImportOptions
    /// Replace the manifest files of a non-empty output folder.
    public var force: Bool

    /// Creates a request.
    public init(outputDirectory: String, options: ImportOptions = ImportOptions(), force: Bool = false) {
        self.outputDirectory = outputDirectory
        self.options = options
        self.force = force
    }
}

/// What `roster import` wrote.
public struct ImportResult: Sendable {
    /// The folder written.
    public var outputDirectory: String
    /// The files written, relative to the folder, sorted.
    public var files: [String]
    /// The providers imported, sorted.
    public var providers: [String]
    /// What was imported, with notes on every judgement call.
    public var manifest: ImportedManifest
    /// Warnings from validating the written manifests (errors make the import fail instead).
    public var warnings: [Diagnostic]
    /// For embedded emulators: the state folder that holds what was imported, when the imported folder would
    /// otherwise get a fresh one (plan it with `--state-dir` this folder).
    public var emulatorStateDirectory: String?
}

extension Workflow {
    /// Reads live state from the configured providers (or those in `options.providers`) and writes manifests that
    /// plan empty against it, then validates what it wrote.
    ///
    /// - Throws: `RosterError` when the manifests or a provider cannot be read, the output folder is not empty
    ///   (without `force`), or the written manifests do not validate.
    public func importLive(_ request: ImportRequest) async throws -> ImportResult {
        let manifest = try load()
        let output = ImporterOutput(directory: request.outputDirectory)
        try output.check(force: request.force)
        let (live, capabilities) = try await withSession(manifest) { session in
            (try await session.fetch(), session.capabilities)
        }
        let providers = manifest.desired.providers
        let imported = ImportBuilder(options: request.options).build(
            providers: providers, live: live, capabilities: capabilities)
        let names = providers.map(\.name)
        let header = [
            "Written by `roster import` from what \(names.joined(separator: ", ")) held.",
            "Edit freely: `roster plan` shows what an edit changes.",
        ]
        let files: [ManifestWriter.File]
        do {
            files = try ManifestWriter(layout: request.options.layout, header: header).files(
                imported, providers: names, sources: manifest.sources, directory: request.outputDirectory)
        } catch {
            throw RosterError(.usage, "cannot write the imported manifests: \(error)")
        }
        try output.replace(with: files, force: request.force)
        let check = ManifestLoader().load(path: request.outputDirectory)
        guard check.desired != nil, !check.hasErrors else {
            throw RosterError(
                .invalidManifest,
                "the manifests written to \(request.outputDirectory) do not validate (a bug in roster import; please report it)",
                diagnostics: check.diagnostics)
        }
        let fresh = RosterOptions(manifestPath: request.outputDirectory).resolvedStateDirectory
        let emulated = providers.contains(where: \.usesEmbeddedEmulator)
        let state = options.resolvedStateDirectory
        return ImportResult(
            outputDirectory: request.outputDirectory, files: files.map(\.path), providers: names.sorted(),
            manifest: imported, warnings: check.diagnostics,
            emulatorStateDirectory: emulated && Self.standardized(fresh) != Self.standardized(state) ? state : nil)
    }

    /// A path with `.`/`..` folded and made absolute, to compare two spellings of one folder.
    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
