import RosterModel

/// Resolves references across the merged manifest and applies the vendor rules, reporting every problem.
struct ManifestValidator {
    /// Where problems go.
    let diagnostics: DiagnosticCollector
    /// The merged manifest.
    let document: ManifestDocument
    /// What has been worked out so far.
    var resolved = ResolvedManifest()
    /// Each profile's decoded accounts, in declaration order.
    var profileAccounts: [String: [(provider: String, settings: AccountSettings)]] = [:]

    /// Creates a validator for `document`.
    init(diagnostics: DiagnosticCollector, document: ManifestDocument) {
        self.diagnostics = diagnostics
        self.document = document
    }

    /// Runs every cross-reference and vendor check, returning what it resolved.
    mutating func validate() -> ResolvedManifest {
        checkVersion()
        resolvePolicies()
        checkCatalogs()
        decodeProfiles()
        resolvePeople()
        checkUserNames()
        resolveGroups()
        return resolved
    }

    /// Decodes account settings now that provider types are known.
    var accountDecoder: AccountDecoder { AccountDecoder(diagnostics: diagnostics, document: document) }

    /// The type of a declared provider, or an undefined-reference error with did-you-mean.
    func providerType(_ name: String, at location: SourceLocation, in context: String) -> ProviderType? {
        if let provider = document.providers[name] { return provider.config.type }
        if document.unusableProviders.contains(name) { return nil }
        undefined(
            "undefined provider '\(name)' in \(context)", at: location, name, among: Array(document.providers.keys))
        return nil
    }

    /// An undefined reference, reported only when every file was read.
    func undefined(_ message: String, at location: SourceLocation, _ name: String, among candidates: [String]) {
        guard document.isComplete else { return }
        diagnostics.error(
            .undefinedReference, message, at: location, hint: diagnostics.suggestion(for: name, among: candidates))
    }

    /// `version` must appear in at least one file.
    private func checkVersion() {
        guard document.versionLocation == nil, document.isComplete, let file = document.firstFile else { return }
        diagnostics.error(
            .missingVersion, "no manifest file declares 'version: 1'",
            at: SourceLocation(file: file, line: 1, column: 1),
            hint: "add version: 1 at the top of one file")
    }

    /// Defaults, then the top-level policy, then each provider's own; 8x8 cannot hard-delete.
    private mutating func resolvePolicies() {
        let base = document.policy?.applied(to: ProviderPolicy()) ?? ProviderPolicy()
        for name in document.providers.keys.sorted() {
            guard let provider = document.providers[name] else { continue }
            let policy = provider.policy?.applied(to: base) ?? base
            resolved.policies[name] = policy
            guard provider.config.type == .eightByEight, policy.deprovision == .delete else { continue }
            // DESIGN §5 and scim-vendors.md §4: 8x8's DELETE only deactivates; a hard delete cannot be planned.
            let own = provider.policy?.deprovision?.location
            diagnostics.error(
                .unsupported, "8x8 cannot hard-delete users (its DELETE only deactivates): provider '\(name)'",
                at: own ?? document.policy?.deprovision?.location ?? provider.location,
                hint: own == nil
                    ? "add policy: { deprovision: deactivate } to provider '\(name)'" : "use deprovision: deactivate")
        }
    }

    /// `skills.<p>` and `roles.<p>` name declared providers whose platform has skills or roles.
    private func checkCatalogs() {
        for key in document.catalogKeys {
            let isSkills = key.value.hasPrefix("skills.")
            let name = String(key.value.dropFirst(isSkills ? 7 : 6))
            guard let type = providerType(name, at: key.location, in: isSkills ? "skills" : "roles") else { continue }
            if isSkills && !type.supportsSkills {
                let reason = type == .talkdesk ? "talkdesk supports users only" : "\(type) has no skills roster manages"
                diagnostics.error(.unsupported, "\(reason): remove skills.\(name)", at: key.location)
            } else if !isSkills && !type.supportsRoles {
                diagnostics.error(.unsupported, "8x8 SCIM has no roles: remove roles.\(name)", at: key.location)
            } else if !isSkills, let fixed = type.fixedRoles {
                for (role, location) in document.roles[name] ?? [:] where !fixed.contains(role) {
                    diagnostics.error(
                        .vendorRule, "five9 role '\(role)' is not one of \(fixed.joined(separator: ", "))",
                        at: location, hint: diagnostics.suggestion(for: role, among: fixed))
                }
            }
        }
    }

    /// Each profile's accounts, decoded once (so a mistake in a profile is reported once, not per person).
    private mutating func decodeProfiles() {
        for name in document.profileOrder {
            guard let profile = document.profiles[name] else { continue }
            var accounts: [(provider: String, settings: AccountSettings)] = []
            for account in profile.accounts {
                guard let type = providerType(account.provider, at: account.location, in: "profile '\(name)'") else {
                    continue
                }
                let settings = accountDecoder.decode(account, type: type, inProfile: true) ?? AccountSettings()
                accounts.append((account.provider, settings))
            }
            profileAccounts[name] = accounts
        }
    }
}
