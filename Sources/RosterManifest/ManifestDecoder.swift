import RosterModel
import RosterYAML

/// Reads each file's YAML tree into declarations, merging them into one `ManifestDocument` and reporting
/// structural problems (unknown keys, wrong types, missing keys, bad values, duplicates) as it goes.
struct ManifestDecoder {
    /// Where problems go.
    let diagnostics: DiagnosticCollector
    /// Everything read so far.
    var document = ManifestDocument()
    /// Source ranges holding literal secrets, to mask in excerpts.
    var secretSpans: [SecretSpan] = []
    /// Time zone names already checked.
    var timeZones: [String: Bool] = [:]

    /// Creates a decoder that reports to `diagnostics`.
    init(diagnostics: DiagnosticCollector) {
        self.diagnostics = diagnostics
    }

    /// Reads one file's root node.
    mutating func decode(_ root: YAMLNode) {
        guard
            let fields = diagnostics.fields(
                root, "a manifest file", allowed: ManifestKeys.topLevel, in: "the top level of the manifest")
        else { return }
        if let pair = fields["version"] { decodeVersion(pair.value) }
        if let pair = fields["policy"] { decodeTopLevelPolicy(pair) }
        if let pair = fields["providers"] { decodeProviders(pair.value) }
        if let pair = fields["skills"] { decodeSkills(pair.value) }
        if let pair = fields["roles"] { decodeRoles(pair.value) }
        if let pair = fields["profiles"] { decodeProfiles(pair.value) }
        if let pair = fields["people"] { decodePeople(pair.value) }
        if let pair = fields["groups"] { decodeGroups(pair.value) }
    }

    /// `version: 1`; any other number is unsupported.
    private mutating func decodeVersion(_ node: YAMLNode) {
        if document.versionLocation == nil { document.versionLocation = node.location }
        if node.integerValue == 1 { return }
        if node.numberValue != nil, let text = node.scalarText {
            diagnostics.error(
                .unsupportedVersion, "unsupported version \(text); this roster reads version 1", at: node.location)
        } else {
            diagnostics.mismatch(node, expected: "an integer", "'version'")
        }
    }

    /// The one top-level `policy` block; a second one (in any file) is a duplicate.
    private mutating func decodeTopLevelPolicy(_ pair: YAMLPair) {
        guard let policy = decodePolicy(pair.value, at: pair.key.location, context: "policy") else { return }
        if let first = document.policy {
            diagnostics.error(
                .duplicate, "policy is declared twice; only one file may declare the top-level policy",
                at: policy.location, related: [first.location])
            return
        }
        document.policy = policy
    }

    /// An enum value written by its raw value, with did-you-mean among the allowed ones.
    func enumValue<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String) -> Value?
    where Value.RawValue == String {
        guard let text = diagnostics.string(node, what) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        diagnostics.error(
            .invalidValue, "invalid value '\(text)' for \(what); expected one of \(allowed.joined(separator: ", "))",
            at: node.location, hint: diagnostics.suggestion(for: text, among: allowed))
        return nil
    }

    /// Each pair of a mapping whose keys are names (providers, profiles, catalog lists).
    func namedEntries(_ node: YAMLNode, _ what: String) -> [(name: String, key: YAMLNode, value: YAMLNode)] {
        guard let pairs = diagnostics.mapping(node, what) else { return [] }
        return pairs.map { (name: $0.key.scalarText ?? "", key: $0.key, value: $0.value) }
    }
}

/// A literal secret's place in a file: masked from `line:column` to the end of the line, and on following lines
/// indented deeper than `keyColumn` (block scalars and continuation lines).
struct SecretSpan: Hashable {
    var file: String
    var line: Int
    var column: Int
    var keyColumn: Int
}
