import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// `providers:` — name → provider.
    mutating func decodeProviders(_ node: YAMLNode) {
        for entry in namedEntries(node, "'providers'") {
            if !ValueRules.isProviderName(entry.name) {
                diagnostics.error(
                    .invalidValue, "invalid provider name '\(entry.name)'", at: entry.key.location,
                    hint: "provider names start with a lowercase letter and use only a-z, 0-9, '_' and '-'")
            }
            if let provider = decodeProvider(entry.name, key: entry.key, node: entry.value) {
                document.add(provider, diagnostics)
            }
        }
    }

    /// One provider: type first (it decides which keys are allowed), then the rest.
    private mutating func decodeProvider(_ name: String, key: YAMLNode, node: YAMLNode) -> ProviderDecl? {
        let context = "provider '\(name)'"
        guard let pairs = diagnostics.mapping(node, context) else {
            document.unusableProviders.insert(name)
            return nil
        }
        let typeNode = pairs.first { $0.key.scalarText == "type" }?.value
        let type: ProviderType? = typeNode.flatMap { enumValue($0, "'type'") }
        let fields = providerFields(pairs, type: type, context: context)
        if typeNode == nil {
            diagnostics.error(.missingKey, "missing required key 'type' in \(context)", at: node.location)
        }
        guard let type else {
            document.unusableProviders.insert(name)
            return nil
        }
        var config = ProviderConfig(name: name, type: type, origin: key.location)
        if let pair = fields["endpoint"] { config.endpoint = decodeEndpoint(pair.value) }
        decodeEmulator(fields["emulator"], into: &config)
        var decl = ProviderDecl(config: config, policy: nil, location: key.location)
        if let pair = fields["policy"] {
            decl.policy = decodePolicy(pair.value, at: pair.key.location, context: "policy of \(context)")
        }
        if let pair = fields["pace"] { decl.config.pace = decodePace(pair.value, context: context) }
        // Settings and credentials needed only outside the emulator are not demanded when the endpoint is unusable:
        // it was probably meant to be the emulator, and one error is enough.
        let remote = !decl.config.usesEmbeddedEmulator && (fields["endpoint"] == nil || decl.config.endpoint != nil)
        decodeSettings(fields, node: node, remote: remote, into: &decl.config)
        decodeCredentials(fields["credentials"], required: remote, into: &decl.config)
        return decl
    }

    /// The provider's pairs by key; keys of another type name that type, others get did-you-mean.
    private func providerFields(_ pairs: [YAMLPair], type: ProviderType?, context: String) -> [String: YAMLPair] {
        let allowed = ManifestKeys.providerCommon + (type?.settingKeys ?? ManifestKeys.providerSettings)
        var fields: [String: YAMLPair] = [:]
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            if allowed.contains(key) {
                fields[key] = pair
            } else if let type, let owner = ProviderType.allCases.first(where: { $0.settingKeys.contains(key) }) {
                diagnostics.error(
                    .unknownKey, "unknown key '\(key)' in \(context) of type \(type)", at: pair.key.location,
                    hint: "'\(key)' applies to \(owner) providers")
            } else {
                diagnostics.unknownKey(key, at: pair.key.location, in: context, allowed: allowed)
            }
        }
        return fields
    }

    /// `endpoint`: `emulator:`, an https:// URL, or http:// on the loopback interface.
    private func decodeEndpoint(_ node: YAMLNode) -> String? {
        guard let text = diagnostics.string(node, "'endpoint'") else { return nil }
        if let (code, message, hint) = ValueRules.endpointProblem(text) {
            diagnostics.error(code, message, at: node.location, hint: hint)
            return nil
        }
        return text
    }

    /// `emulator: {seed: path}`, only with the `emulator:` endpoint; the seed path is resolved against the file.
    private func decodeEmulator(_ pair: YAMLPair?, into config: inout ProviderConfig) {
        guard let pair,
            let fields = diagnostics.fields(pair.value, "'emulator'", allowed: ManifestKeys.emulator, in: "emulator")
        else { return }
        guard config.usesEmbeddedEmulator else {
            diagnostics.error(
                .invalidValue, "'emulator' settings need endpoint \"emulator:\"", at: pair.key.location,
                hint: config.endpoint == nil ? "add endpoint: \"emulator:\"" : "remove 'emulator' for a real endpoint")
            return
        }
        guard let seedPair = fields["seed"], let seed = diagnostics.nonEmptyString(seedPair.value, "'seed'") else {
            return
        }
        let path = ManifestPaths.resolve(seed, relativeTo: pair.key.mark.file)
        guard ManifestPaths.isReadableFile(path) else {
            diagnostics.error(
                .missingFile, "emulator seed '\(seed)' not found (looked for '\(path)')",
                at: seedPair.value.location, hint: "the seed path is relative to the manifest file")
            return
        }
        config.emulatorSeed = path
    }

    /// `pace: {requestsPerSecond, concurrency}`; both are needed, since the vendor default lives elsewhere.
    private func decodePace(_ node: YAMLNode, context: String) -> Pace? {
        guard let fields = diagnostics.fields(node, "'pace'", allowed: ManifestKeys.pace, in: "pace of \(context)")
        else { return nil }
        diagnostics.require(ManifestKeys.pace, in: fields, of: node, "pace of \(context)")
        guard let rate = fields["requestsPerSecond"], let concurrency = fields["concurrency"] else { return nil }
        var rps = diagnostics.number(rate.value, "'requestsPerSecond'", in: 0...Double.greatestFiniteMagnitude)
        if rps == 0 {
            diagnostics.error(.invalidValue, "'requestsPerSecond' must be greater than 0", at: rate.value.location)
            rps = nil
        }
        let inFlight = diagnostics.integer(concurrency.value, "'concurrency'", in: 1...Int.max)
        guard let rps, let inFlight else { return nil }
        return Pace(requestsPerSecond: rps, concurrency: inFlight)
    }
}
