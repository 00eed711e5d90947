import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// The type's own keys: Genesys `region`, Webex `orgId`, Talkdesk `account`, 8x8 `customerId`, Five9 `scim`,
    /// and the `endpoint` a generic SCIM provider cannot do without.
    mutating func decodeSettings(
        _ fields: [String: YAMLPair], node: YAMLNode, remote: Bool, into config: inout ProviderConfig
    ) {
        let context = "provider '\(config.name)' (\(config.type))"
        switch config.type {
        case .scim:
            if fields["endpoint"] == nil {
                diagnostics.error(
                    .missingKey, "missing required key 'endpoint' in \(context)", at: node.location,
                    hint: "a scim provider needs endpoint: \"emulator:\" or an https:// base URL")
            }
        case .genesys:
            setting("region", fields, node, context, required: fields["endpoint"] == nil, into: &config) { region, at in
                guard !ValueRules.genesysRegions.contains(region) else { return }
                diagnostics.warning(
                    .invalidValue, "'\(region)' is not a known Genesys Cloud region", at: at,
                    hint: diagnostics.suggestion(for: region, among: ValueRules.genesysRegions)
                        ?? "e.g. mypurecloud.com, usw2.pure.cloud")
            }
            tokenEndpoint(fields, node, context, into: &config)
        case .webex:
            setting("orgId", fields, node, context, required: remote, into: &config) { orgId, at in
                guard !ValueRules.isUUID(orgId) else { return }
                // scim-vendors.md §2: the org id in the SCIM path is the raw UUID, not the base64 Webex id.
                diagnostics.error(
                    .vendorRule, "webex orgId must be a UUID (8-4-4-4-12 hex digits)", at: at,
                    hint: "decode a base64 Webex id (ciscospark://…/ORGANIZATION/<uuid>) to its UUID")
            }
        case .talkdesk:
            setting("account", fields, node, context, required: remote, into: &config) { _, _ in }
            tokenEndpoint(fields, node, context, into: &config)
        case .eightByEight:
            setting("customerId", fields, node, context, required: remote, into: &config) { _, _ in }
        case .five9:
            if let pair = fields["scim"] { decodeFive9SCIM(pair, remote: remote, into: &config) }
        }
    }

    /// An OAuth vendor's optional `tokenEndpoint`, an http(s) URL.
    private func tokenEndpoint(
        _ fields: [String: YAMLPair], _ node: YAMLNode, _ context: String, into config: inout ProviderConfig
    ) {
        setting("tokenEndpoint", fields, node, context, required: false, into: &config) { url, at in
            guard !(url.hasPrefix("https://") || url.hasPrefix("http://")) else { return }
            diagnostics.error(
                .invalidValue, "tokenEndpoint must be an http(s) URL, got '\(url)'", at: at,
                hint: "e.g. https://login.mypurecloud.com/oauth/token")
        }
    }

    /// A required-unless string setting copied into `settings`, with an extra check.
    private func setting(
        _ key: String, _ fields: [String: YAMLPair], _ node: YAMLNode, _ context: String, required: Bool,
        into config: inout ProviderConfig, check: (String, SourceLocation) -> Void
    ) {
        guard let pair = fields[key] else {
            if required {
                let unless =
                    config.type == .genesys ? "unless an endpoint is given" : "unless the endpoint is \"emulator:\""
                diagnostics.error(
                    .missingKey, "missing required key '\(key)' in \(context) (\(unless))", at: node.location)
            }
            return
        }
        guard let value = diagnostics.nonEmptyString(pair.value, "'\(key)'") else { return }
        check(value, pair.value.location)
        config.settings[key] = value
    }

    /// Five9's optional SCIM user lifecycle: `scim: {token: {env: X}, ssoReady: bool}`.
    private mutating func decodeFive9SCIM(_ pair: YAMLPair, remote: Bool, into config: inout ProviderConfig) {
        let context = "scim of provider '\(config.name)'"
        guard let fields = diagnostics.fields(pair.value, "'scim'", allowed: ManifestKeys.five9SCIM, in: context) else {
            return
        }
        config.settings["lifecycle"] = "scim"
        var ready = false
        if let ssoPair = fields["ssoReady"], let value = diagnostics.bool(ssoPair.value, "'ssoReady'") { ready = value }
        config.settings["scimSSOReady"] = ready ? "true" : "false"
        if !ready {
            // DESIGN §5 / five9.md: Five9 SCIM needs SAML SSO first; the plan refuses SCIM creates until declared.
            diagnostics.warning(
                .vendorRule,
                "five9 SCIM lifecycle without ssoReady: true; plans will refuse to create users through SCIM",
                at: pair.key.location, hint: "configure SAML SSO in Five9, then set ssoReady: true")
        }
        if let tokenPair = fields["token"] {
            if let reference = decodeSecret(tokenPair, "scim.token") { config.credentials["scimToken"] = reference }
        } else if remote {
            diagnostics.error(
                .missingCredential, "provider '\(config.name)' needs scim.token outside the emulator",
                at: pair.key.location, hint: "add token: { env: VARIABLE }")
        }
    }
}
