public import RosterModel

/// Turns live state into an `ImportedManifest` that plans empty against that same live state.
///
/// Pure and deterministic: the same live state, providers and capabilities always give the same manifest. The
/// stages, in order: choose what to import (roster's own objects; every object with `adopt` or under `prune: all`;
/// unowned members of imported groups), match accounts across providers into people (userName, then e-mail),
/// settle identity attributes, turn per-provider settings into accounts, extract profiles, then groups and
/// catalogs.
public struct ImportBuilder: Sendable {
    /// What to include and how.
    public var options: ImportOptions

    /// Creates a builder.
    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// The manifest for `live`.
    ///
    /// - Parameters:
    ///   - providers: The providers to import, as the manifests configure them (their policies decide what is
    ///     imported without `adopt`).
    ///   - live: What the providers hold.
    ///   - capabilities: What each provider holds and manages, by provider name; attributes a provider does not
    ///     hold are never compared across providers.
    /// - Returns: People, profiles, groups and catalogs, with notes on every judgement call.
    public func build(
        providers: [ProviderConfig], live: LiveState, capabilities: [String: ProviderCapabilities]
    ) -> ImportedManifest {
        var context = ImportContext(
            providers: providers.sorted { $0.name < $1.name }, live: live, capabilities: capabilities,
            options: options)
        context.selectUsers()
        context.selectGroups()
        context.matchPeople()
        context.buildPeople()
        context.extractProfiles()
        context.buildGroups()
        context.buildCatalogs()
        return context.manifest
    }
}

/// One live account: a user on one provider, by lowercased userName.
struct AccountID: Hashable, Comparable {
    var provider: String
    var key: String

    static func < (lhs: AccountID, rhs: AccountID) -> Bool { (lhs.key, lhs.provider) < (rhs.key, rhs.provider) }
}

/// The working state of one import.
struct ImportContext {
    let providers: [ProviderConfig]
    let live: LiveState
    let capabilities: [String: ProviderCapabilities]
    let options: ImportOptions

    /// Accounts chosen for import, with the reason when roster did not own them.
    var users: [AccountID: LiveObject<User>] = [:]
    var adoption: [AccountID: ImportedPerson.Adoption] = [:]
    /// Groups chosen for import, by provider.
    var groups: [String: [LiveObject<Group>]] = [:]
    /// Each person's accounts, in the order people are written.
    var people: [[AccountID]] = []
    /// Account → index into `people` and the person's manifest userName.
    var personOf: [AccountID: Int] = [:]
    var manifest = ImportedManifest()

    init(
        providers: [ProviderConfig], live: LiveState, capabilities: [String: ProviderCapabilities],
        options: ImportOptions
    ) {
        self.providers = providers
        self.live = live
        self.capabilities = capabilities
        self.options = options
    }

    /// The live resources of a provider.
    func resources(_ provider: String) -> LiveResources { live.providers[provider] ?? LiveResources() }

    /// What a provider holds and manages.
    func caps(_ provider: String) -> ProviderCapabilities { capabilities[provider] ?? ProviderCapabilities() }

    /// Whether an object is imported, and why when roster does not own it; `nil` when it is left out.
    func selection(externalId: String?, of config: ProviderConfig) -> Selection? {
        if Ownership.isOwned(externalId) { return .owned }
        if options.adopt { return .adopted(.requested) }
        if config.policy.prune == .all { return .adopted(.pruneAll) }
        return nil
    }

    /// Why an object is imported.
    enum Selection {
        case owned
        case adopted(ImportedPerson.Adoption)
    }

    /// Records a note for the reader of the import report.
    mutating func note(_ code: String, _ message: String, hint: String? = nil) {
        manifest.notes.append(Diagnostic.warning("import-" + code, message, at: nil, hint: hint))
    }

    /// Users chosen by ownership and policy; live duplicates are left out (the planner refuses to touch them).
    mutating func selectUsers() {
        for config in providers {
            var byKey: [String: [LiveObject<User>]] = [:]
            for user in resources(config.name).users { byKey[user.value.key, default: []].append(user) }
            for (key, found) in byKey.sorted(by: { $0.key < $1.key }) {
                guard found.count == 1, let user = found.first else {
                    note(
                        "duplicate", "\(config.name) holds \(found.count) users named '\(key)'; none was imported",
                        hint: "remove the duplicates in \(config.name), then import again")
                    continue
                }
                guard let selection = selection(externalId: user.value.externalId, of: config) else { continue }
                let id = AccountID(provider: config.name, key: key)
                users[id] = user
                if case .adopted(let reason) = selection { adoption[id] = reason }
            }
        }
        manifest.adopting = Set(adoption.filter { $0.value == .requested }.map(\.key.provider))
    }
}
