public import RosterModel

/// What loading a manifest produced: the desired state when it is valid, and every diagnostic either way.
public struct ManifestLoadResult: Sendable {
    /// The desired state; `nil` when any diagnostic is an error.
    public var desired: DesiredState?
    /// Every problem found, sorted by location (problems about no file first).
    public var diagnostics: [Diagnostic]
    /// The text of each file read, by path, for excerpts; literal secrets are already replaced by `*`.
    public var sources: [String: String]
    /// The files read, in load order.
    public var files: [String]
    /// Person (manifest userName) → provider name → that person's userName on the provider.
    ///
    /// Empty when the manifest has errors.
    public var people: [String: [String: String]]

    /// Creates a result.
    public init(
        desired: DesiredState?, diagnostics: [Diagnostic], sources: [String: String] = [:], files: [String] = [],
        people: [String: [String: String]] = [:]
    ) {
        self.desired = desired
        self.diagnostics = diagnostics
        self.sources = sources
        self.files = files
        self.people = people
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}
