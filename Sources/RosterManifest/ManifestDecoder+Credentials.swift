import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// `credentials`: name → `{env: NAME}` | `{file: PATH}`, names per type; all required outside the emulator.
    mutating func decodeCredentials(_ pair: YAMLPair?, required: Bool, into config: inout ProviderConfig) {
        let allowed = config.type.credentialNames
        let context = "credentials of provider '\(config.name)'"
        if let pair, let entries = diagnostics.mapping(pair.value, "'credentials'") {
            for entry in entries {
                let name = entry.key.scalarText ?? ""
                let reference = decodeSecret(entry, "credentials.\(name)")
                if !allowed.contains(name) {
                    diagnostics.unknownKey(name, at: entry.key.location, in: context, allowed: allowed)
                } else if let reference {
                    config.credentials[name] = reference
                }
            }
        }
        guard required else { return }
        let present = Set((pair?.value.pairs ?? []).compactMap(\.key.scalarText))
        for name in allowed where !present.contains(name) {
            diagnostics.error(
                .missingCredential,
                "provider '\(config.name)' (\(config.type)) needs credential '\(name)' outside the emulator",
                at: config.origin, hint: "add credentials: { \(name): { env: VARIABLE } }")
        }
    }

    /// A secret reference; a literal value is an error and its text is masked in excerpts.
    mutating func decodeSecret(_ pair: YAMLPair, _ what: String) -> SecretReference? {
        let node = pair.value
        guard let entries = node.pairs else {
            if case .scalar = node.content, !node.isNull {
                mask(node, keyColumn: pair.key.mark.column)
                diagnostics.error(
                    .literalSecret, "literal secret in \(what); use {env: NAME} or {file: PATH}", at: node.location,
                    hint: "secrets never go in manifests; remove this value and rotate it if it was real")
            } else {
                diagnostics.mismatch(node, expected: "{env: NAME} or {file: PATH}", what)
            }
            return nil
        }
        var reference: SecretReference?
        for entry in entries {
            let key = entry.key.scalarText ?? ""
            guard ManifestKeys.secretReference.contains(key) else {
                mask(entry.value, keyColumn: entry.key.mark.column)
                diagnostics.unknownKey(key, at: entry.key.location, in: what, allowed: ManifestKeys.secretReference)
                continue
            }
            guard let value = secretLocator(entry, key: key, what) else { continue }
            if reference != nil {
                diagnostics.error(
                    .invalidValue, "\(what) gives both 'env' and 'file'; use one", at: entry.key.location)
            }
            reference = value
        }
        if entries.isEmpty {
            diagnostics.error(.missingKey, "\(what) needs 'env' or 'file'", at: node.location)
        }
        return reference
    }

    /// The `env` or `file` part of a reference.
    private mutating func secretLocator(_ entry: YAMLPair, key: String, _ what: String) -> SecretReference? {
        guard let text = entry.value.stringValue, !text.isEmpty else {
            mask(entry.value, keyColumn: entry.key.mark.column)
            diagnostics.error(
                .typeMismatch, "expected a non-empty string for \(what).\(key), found \(entry.value.manifestKind)",
                at: entry.value.location)
            return nil
        }
        if key == "file" { return .file(ManifestPaths.resolve(text, relativeTo: entry.key.mark.file)) }
        guard ValueRules.isEnvironmentName(text) else {
            mask(entry.value, keyColumn: entry.key.mark.column)
            diagnostics.error(
                .invalidValue, "\(what).env must name an environment variable", at: entry.value.location,
                hint: "use letters, digits and '_', e.g. { env: CORP_SCIM_TOKEN }")
            return nil
        }
        return .env(text)
    }

    /// Remembers a scalar's place so its text is replaced by `*` in every excerpt.
    mutating func mask(_ node: YAMLNode, keyColumn: Int) {
        guard case .scalar = node.content else { return }
        secretSpans.append(
            SecretSpan(file: node.mark.file, line: node.mark.line, column: node.mark.column, keyColumn: keyColumn))
    }
}
