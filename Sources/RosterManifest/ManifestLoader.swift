import RosterModel
import RosterYAML

/// Loads manifest v1 (one file or a directory of `*.yaml`/`*.yml`), validates it and maps it to `DesiredState`.
///
/// Never throws and never stops at the first problem: every problem is a positioned `Diagnostic` in the result.
public struct ManifestLoader: Sendable {
    /// The default cap on one file's size: 64 MB.
    public static let defaultMaxFileBytes = 64 << 20

    /// Files larger than this are refused with `file-too-large`.
    public var maxFileBytes: Int

    /// Creates a loader.
    ///
    /// - Parameter maxFileBytes: The largest file accepted, in bytes.
    public init(maxFileBytes: Int = ManifestLoader.defaultMaxFileBytes) {
        self.maxFileBytes = maxFileBytes
    }

    /// Loads the manifest at `path`: a file, or a directory searched recursively (sorted by path, hidden entries
    /// and `.roster/` skipped).
    ///
    /// - Parameter path: The path as the user gave it; diagnostics and `sources` use paths built from it.
    /// - Returns: The desired state when there are no errors, and every diagnostic.
    public func load(path: String) -> ManifestLoadResult {
        let diagnostics = DiagnosticCollector()
        var collector = ManifestFileCollector(maxFileBytes: maxFileBytes, diagnostics: diagnostics)
        let files = collector.collect(path: path)
        return load(files: files, complete: collector.isComplete, diagnostics: diagnostics)
    }

    /// Loads one manifest held in memory, as if read from `path` (used in messages and to resolve relative paths).
    ///
    /// - Parameters:
    ///   - text: The manifest text.
    ///   - path: The file name to report.
    /// - Returns: The desired state when there are no errors, and every diagnostic.
    public func load(text: String, path: String) -> ManifestLoadResult {
        load(bytes: Array(text.utf8), path: path)
    }

    /// Loads one manifest held in memory as raw bytes (which may not even be UTF-8).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - path: The file name to report.
    /// - Returns: The desired state when there are no errors, and every diagnostic.
    public func load(bytes: [UInt8], path: String) -> ManifestLoadResult {
        load(files: [ManifestFile(path: path, bytes: bytes)])
    }

    /// Loads files already read, in order (the directory form, without the file system).
    func load(files: [ManifestFile]) -> ManifestLoadResult {
        let diagnostics = DiagnosticCollector()
        let oversized = files.filter { $0.bytes.count > maxFileBytes }
        for file in oversized {
            let size = ManifestFileCollector.size(file.bytes.count, unit: maxFileBytes)
            let limit = ManifestFileCollector.size(maxFileBytes, unit: maxFileBytes)
            diagnostics.error(
                .fileTooLarge, "file too large (\(size), limit \(limit))",
                at: SourceLocation(file: file.path, line: 0, column: 0))
        }
        let accepted = files.filter { $0.bytes.count <= maxFileBytes }
        return load(files: accepted, complete: oversized.isEmpty, diagnostics: diagnostics)
    }

    /// A bare `endpoint: emulator:` is a YAML error (the trailing colon starts a mapping); say how to write it.
    static func hint(for error: YAMLError, in text: String) -> String? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: SecretMasker.isLineBreak)
        guard error.mark.line >= 1, error.mark.line <= lines.count else { return nil }
        var line = lines[error.mark.line - 1].split(separator: "#", maxSplits: 1).first ?? ""
        while line.last?.isWhitespace == true { line = line.dropLast() }
        guard line.hasSuffix(": emulator:") else { return nil }
        return "write endpoint: \"emulator:\" in quotes"
    }

    /// The pipeline: text → YAML → declarations → validation → desired state.
    private func load(files: [ManifestFile], complete: Bool, diagnostics: DiagnosticCollector) -> ManifestLoadResult {
        var decoder = ManifestDecoder(diagnostics: diagnostics)
        decoder.document.isComplete = complete
        decoder.document.firstFile = files.first?.path
        var sources: [String: String] = [:]
        for file in files {
            guard let text = file.text(diagnostics) else {
                decoder.document.isComplete = false
                continue
            }
            sources[file.path] = text
            do {
                guard let root = try YAMLParser.parse(file.bytes, file: file.path) else {
                    diagnostics.warning(
                        .emptyFile, "file is empty; skipped", at: SourceLocation(file: file.path, line: 0, column: 0))
                    continue
                }
                decoder.decode(root)
            } catch {
                decoder.document.isComplete = false
                diagnostics.error(
                    .yaml, error.message + (error.context.map { " (\($0))" } ?? ""),
                    at: SourceLocation(file: error.mark.file, line: error.mark.line, column: error.mark.column),
                    hint: Self.hint(for: error, in: text))
            }
        }
        let document = decoder.document
        var validator = ManifestValidator(diagnostics: diagnostics, document: document)
        let resolved = validator.validate()
        var result = ManifestLoadResult(desired: nil, diagnostics: [], files: files.map(\.path))
        if !diagnostics.hasErrors {
            (result.desired, result.people) = DesiredStateBuilder(document: document, resolved: resolved).build()
        }
        let spans = Dictionary(grouping: decoder.secretSpans, by: \.file)
        result.sources = sources.reduce(into: [:]) { masked, entry in
            masked[entry.key] = SecretMasker.mask(entry.value, spans: spans[entry.key] ?? [])
        }
        result.diagnostics = diagnostics.sorted
        return result
    }
}
