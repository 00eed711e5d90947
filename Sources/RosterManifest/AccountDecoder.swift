import RosterModel
import RosterYAML

/// Decodes account settings (a person's own or a profile's) once the provider's type is known, checking keys
/// per type and references to the declared roles, skills and groups of that provider.
struct AccountDecoder {
    /// Where problems go.
    let diagnostics: DiagnosticCollector
    /// The merged manifest.
    let document: ManifestDocument

    /// The settings of `account` on a provider of `type`; `nil` when the node is not a mapping.
    func decode(_ account: AccountDecl, type: ProviderType, inProfile: Bool) -> AccountSettings? {
        let provider = account.provider
        guard let pairs = account.node.pairs else {
            diagnostics.error(
                .typeMismatch, "expected a mapping for account '\(provider)', found \(account.node.manifestKind)",
                at: account.node.location, hint: account.node.isNull ? "write {} for an account with no settings" : nil)
            return nil
        }
        var settings = AccountSettings()
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            guard type.accountKeys.contains(key) else {
                reportKey(key, at: pair.key.location, type: type, provider: provider)
                continue
            }
            read(key, pair, provider: provider, type: type, inProfile: inProfile, into: &settings)
        }
        return settings
    }

    /// One allowed key.
    private func read(
        _ key: String, _ pair: YAMLPair, provider: String, type: ProviderType, inProfile: Bool,
        into settings: inout AccountSettings
    ) {
        let node = pair.value
        switch key {
        case "userName":
            guard !inProfile else {
                diagnostics.error(
                    .invalidValue, "a profile cannot set userName (every person using it would share one)",
                    at: pair.key.location, hint: "set userName in the person's own account")
                return
            }
            guard let text = diagnostics.nonEmptyString(node, "'userName'") else { return }
            settings.userName = Located(value: text, location: node.location)
        case "active": settings.active = diagnostics.bool(node, "'active'")
        case "roles": settings.roles = roles(node, provider: provider, type: type)
        case "groups": settings.groups = groups(node, provider: provider)
        case "skills": settings.skills = levels(node, "skill", provider: provider, type: type, declared: true)
        case "languages": settings.languages = levels(node, "language", provider: provider, type: type, declared: false)
        case "division": settings.division = diagnostics.nonEmptyString(node, "'division'")
        case "site": settings.site = diagnostics.nonEmptyString(node, "'site'")
        case "teams": settings.teams = diagnostics.stringList(node, "'teams'")?.map(\.value)
        default: break
        }
    }

    /// An account key the type does not take: a missing vendor feature, another type's key, or a typo.
    private func reportKey(_ key: String, at location: SourceLocation, type: ProviderType, provider: String) {
        if let reason = type.unsupportedReason(forAccountKey: key) {
            diagnostics.error(.unsupported, reason, at: location)
        } else if ManifestKeys.accountAll.contains(key) {
            let owners = ProviderType.allCases.filter { $0.accountKeys.contains(key) }.map(\.rawValue)
            diagnostics.error(
                .unknownKey, "unknown key '\(key)' in \(type) account '\(provider)'", at: location,
                hint: "'\(key)' applies to \(owners.joined(separator: ", ")) accounts")
        } else {
            diagnostics.unknownKey(key, at: location, in: "\(type) account '\(provider)'", allowed: type.accountKeys)
        }
    }

    /// Roles: Five9's fixed set, and the declared `roles.<provider>` list when there is one.
    private func roles(_ node: YAMLNode, provider: String, type: ProviderType) -> [String]? {
        guard let names = diagnostics.stringList(node, "'roles'") else { return nil }
        var valid: [String] = []
        for name in names {
            if let fixed = type.fixedRoles, !fixed.contains(name.value) {
                // five9.md §3.3: userRoles has agent, supervisor, admin (DomainAdmin), reporting (crmManager unused).
                diagnostics.error(
                    .vendorRule, "five9 role '\(name.value)' is not one of \(fixed.joined(separator: ", "))",
                    at: name.location, hint: diagnostics.suggestion(for: name.value, among: fixed))
                continue
            }
            if let declared = document.roles[provider], declared[name.value] == nil {
                undefined(
                    "role '\(name.value)' is not declared in roles.\(provider)", at: name.location, name.value,
                    among: Array(declared.keys))
                continue
            }
            valid.append(name.value)
        }
        return valid
    }

    /// Group names, each a group declared on this provider.
    private func groups(_ node: YAMLNode, provider: String) -> [Located<String>]? {
        guard let names = diagnostics.stringList(node, "'groups'") else { return nil }
        let declared = document.groupLocations[provider] ?? [:]
        return names.filter { name in
            guard declared[name.value] == nil else { return true }
            undefined(
                "no group '\(name.value)' on provider '\(provider)'", at: name.location, name.value,
                among: Array(declared.keys))
            return false
        }
    }

    /// `{name: level}` for skills (declared in `skills.<provider>`) and languages, in the type's level range.
    private func levels(
        _ node: YAMLNode, _ what: String, provider: String, type: ProviderType, declared: Bool
    ) -> [String: Int]? {
        guard let pairs = diagnostics.mapping(node, "'\(what == "skill" ? "skills" : "languages")'") else { return nil }
        let range = type.skillLevels ?? 0...Int.max
        var levels: [String: Int] = [:]
        for pair in pairs {
            let name = pair.key.scalarText ?? ""
            guard let level = pair.value.integerValue else {
                diagnostics.mismatch(pair.value, expected: "an integer level", "\(what) '\(name)'")
                continue
            }
            guard range.contains(level) else {
                let meaning = type == .five9 ? " (1 = highest priority)" : " (proficiency)"
                diagnostics.error(
                    .vendorRule,
                    "\(type) \(what) level must be \(range.lowerBound)..\(range.upperBound)\(meaning), found \(level)",
                    at: pair.value.location)
                continue
            }
            if declared, document.skillLocations[provider]?[name] == nil {
                let known = Array((document.skillLocations[provider] ?? [:]).keys)
                undefined(
                    "skill '\(name)' is not declared in skills.\(provider)", at: pair.key.location, name, among: known,
                    fallback: "declare it: skills: { \(provider): [\(name)] }")
                continue
            }
            levels[name] = level
        }
        return levels
    }

    /// An undefined reference, reported only when every file was read (otherwise it may be in the broken one).
    private func undefined(
        _ message: String, at location: SourceLocation, _ name: String, among candidates: [String],
        fallback: String? = nil
    ) {
        guard document.isComplete else { return }
        diagnostics.error(
            .undefinedReference, message, at: location,
            hint: diagnostics.suggestion(for: name, among: candidates) ?? fallback)
    }
}
