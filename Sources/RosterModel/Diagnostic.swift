/// A recoverable problem found while reading manifests or planning, reported with every other one at once.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        /// Stops validation, planning or apply.
        case error
        /// Worth reading; does not stop anything.
        case warning
        /// Extra context for another diagnostic.
        case note
    }

    /// How bad the problem is.
    public var severity: Severity
    /// A stable, machine-readable identifier such as `unknown-key` or `undefined-reference`.
    public var code: String
    /// What is wrong, in one sentence.
    public var message: String
    /// Where it is, when it comes from a file.
    public var location: SourceLocation?
    /// How to fix it, for example `did you mean 'email'?`.
    public var hint: String?
    /// Other places that matter, for example the first definition of a duplicate.
    public var related: [SourceLocation]

    /// Creates a diagnostic.
    public init(
        severity: Severity, code: String, message: String, location: SourceLocation? = nil, hint: String? = nil,
        related: [SourceLocation] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
        self.related = related
    }

    /// An error diagnostic.
    public static func error(
        _ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil,
        related: [SourceLocation] = []
    ) -> Diagnostic {
        Diagnostic(severity: .error, code: code, message: message, location: location, hint: hint, related: related)
    }

    /// A warning diagnostic.
    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(severity: .warning, code: code, message: message, location: location, hint: hint)
    }

    /// Whether this diagnostic stops the run.
    public var isError: Bool { severity == .error }
}
