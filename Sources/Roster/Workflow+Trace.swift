import RosterManifest
import RosterModel
import RosterYAML

/// How one person's desired state was built and what each provider holds, step by step, for support cases
/// (`roster plan --only PERSON`).
public struct PersonTrace: Sendable, Hashable, Codable {
    /// One numbered stage of the trace.
    public struct Stage: Sendable, Hashable, Codable {
        /// What the stage is, for example "profiles, merged in order".
        public var title: String
        /// Its lines.
        public var lines: [String]
    }

    /// The person asked for.
    public var person: String
    /// The stages, in the order the pipeline runs them.
    public var stages: [Stage]

    /// The trace as numbered, indented text ending with a newline.
    public var text: String {
        var lines = ["Trace for \(person)"]
        for (number, stage) in stages.enumerated() {
            lines.append("  \(number + 1). \(stage.title)")
            lines += stage.lines.map { "       " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The trace of `scope` through one plan.
    init(_ scope: PersonScope, manifest: LoadedManifest, result: PlanResult) {
        person = scope.declared ?? scope.person
        let source = TraceSource(manifest.sources)
        var stages: [Stage] = []
        if let declared = scope.declared, let node = source.person(declared) {
            stages.append(Stage(title: "declared at \(node.mark)", lines: Self.identity(node)))
            stages += Self.merge(node, source: source)
        } else {
            stages.append(
                Stage(
                    title: "not declared in the manifests",
                    lines: ["their live accounts are planned as absent from the manifests: the prune policy decides"]))
        }
        stages.append(Stage(title: "desired, per provider", lines: Self.desired(scope, manifest.desired)))
        stages.append(Stage(title: "live, per provider", lines: Self.live(scope, result.live)))
        let steps = result.plan.steps.filter { scope.concerns($0.address) }
        let lines = result.plan.steps.map { "\($0.action.rawValue) \($0.address)" }
        stages.append(
            Stage(
                title: "plan: \(result.plan.steps.count) step\(result.plan.steps.count == 1 ? "" : "s") "
                    + "(\(steps.count) about them, the rest what they depend on)",
                lines: lines.isEmpty ? ["nothing to do: live state matches the manifests"] : lines))
        self.stages = stages
    }

    /// `givenName: Ana`, … as written.
    private static func identity(_ node: YAMLNode) -> [String] {
        (node.pairs ?? []).filter { !["profiles", "accounts"].contains($0.key.scalarText ?? "") }.map {
            "\($0.key.scalarText ?? ""): \(TraceSource.flow($0.value))"
        }
    }

    /// The profiles in order, then the person's own accounts, each with what it sets and what it overrides.
    private static func merge(_ person: YAMLNode, source: TraceSource) -> [Stage] {
        var merged = MergeLog()
        var profileLines: [String] = []
        for name in person["profiles"]?.items?.compactMap(\.scalarText) ?? [] {
            guard let profile = source.profiles[name] else {
                profileLines.append("\(name): not declared")
                continue
            }
            profileLines.append("\(name) (\(profile.mark)):")
            profileLines += merged.apply(profile, from: "profile \(name)")
        }
        var stages = [
            Stage(
                title: "profiles, merged in order (scalars: later wins; skills, languages: by name; roles, groups, "
                    + "teams: union)",
                lines: profileLines.isEmpty ? ["none"] : profileLines)
        ]
        if let accounts = person["accounts"] {
            stages.append(
                Stage(
                    title: "own accounts at \(accounts.mark), applied last",
                    lines: merged.apply(accounts, from: "own account")))
        } else {
            stages.append(Stage(title: "own accounts", lines: ["none: the profiles decide"]))
        }
        return stages
    }

    /// Per provider: the desired user's attributes and group memberships, or why there is none.
    private static func desired(_ scope: PersonScope, _ desired: DesiredState) -> [String] {
        desired.providers.flatMap { provider -> [String] in
            let key = scope.keys[provider.name] ?? scope.person.lowercased()
            let resources = desired.resources[provider.name] ?? ProviderResources()
            guard let user = resources.users.first(where: { $0.key == key }) else {
                return ["\(provider.name): no account"]
            }
            let groups = resources.groups.filter { $0.members.contains(key) }.map(\.name)
            return ["\(provider.name): \(user.userName)\(user.active ? "" : " (inactive)")"]
                + describe(user.attributes).map { "  " + $0 } + (groups.isEmpty ? [] : ["  groups: \(groups)"])
        }
    }

    /// Per provider: the live user with its id, ownership, attributes and groups, or that there is none.
    private static func live(_ scope: PersonScope, _ live: LiveState) -> [String] {
        live.providers.keys.sorted().flatMap { provider -> [String] in
            let key = scope.keys[provider] ?? scope.person.lowercased()
            let resources = live.providers[provider] ?? LiveResources()
            guard let user = resources.users.first(where: { $0.value.key == key }) else {
                return ["\(provider): not there"]
            }
            let owner =
                Ownership.isOwned(user.value.externalId)
                ? "owned by roster" : user.value.externalId.map { "externalId \($0), not roster's" } ?? "no externalId"
            let groups = resources.groups.filter { $0.value.members.contains(key) }.map(\.value.name)
            return ["\(provider): id \(user.id), \(owner), \(user.value.active ? "active" : "inactive")"]
                + describe(user.value.attributes).map { "  " + $0 } + (groups.isEmpty ? [] : ["  groups: \(groups)"])
        }
    }

    private static func describe(_ attributes: AttributeMap) -> [String] {
        attributes.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
    }
}

/// What each account key has been set to so far while profiles and accounts merge, to name overrides.
private struct MergeLog {
    /// `provider.key` or `provider.key.name` (for skills and languages) → (where, value).
    var set: [String: (from: String, value: String)] = [:]

    /// The lines for one contribution (`provider: {settings}` pairs), noting each value it overrides.
    mutating func apply(_ accounts: YAMLNode, from origin: String) -> [String] {
        var lines: [String] = []
        for account in accounts.pairs ?? [] {
            let provider = account.key.scalarText ?? ""
            lines.append("  \(provider): \(TraceSource.flow(account.value))")
            for setting in account.value.pairs ?? [] {
                let key = setting.key.scalarText ?? ""
                if let entries = setting.value.pairs, ["skills", "languages"].contains(key) {
                    for entry in entries {
                        lines += record("\(provider).\(key).\(entry.key.scalarText ?? "")", entry.value, origin)
                    }
                } else if setting.value.items == nil {
                    lines += record("\(provider).\(key)", setting.value, origin)
                }
            }
        }
        return lines
    }

    private mutating func record(_ path: String, _ node: YAMLNode, _ origin: String) -> [String] {
        let value = TraceSource.flow(node)
        defer { set[path] = (origin, value) }
        guard let earlier = set[path], earlier.value != value else { return [] }
        return ["    \(path): \(value) overrides \(earlier.value) from \(earlier.from)"]
    }
}

/// The manifests' YAML, read again to show each contribution as written.
private struct TraceSource {
    /// Person mappings by lowercased userName.
    var people: [String: YAMLNode] = [:]
    /// Profile nodes (provider → settings) by name.
    var profiles: [String: YAMLNode] = [:]

    init(_ sources: [String: String]) {
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            guard let root = try? YAMLParser.parse(text, file: path) else { continue }
            for item in root["people"]?.items ?? [] {
                if let name = item["userName"]?.scalarText { people[name.lowercased()] = item }
            }
            for pair in root["profiles"]?.pairs ?? [] {
                if let name = pair.key.scalarText { profiles[name] = pair.value }
            }
        }
    }

    func person(_ userName: String) -> YAMLNode? { people[userName.lowercased()] }

    /// A node on one line, as YAML flow text.
    static func flow(_ node: YAMLNode) -> String {
        let text = (try? YAMLEmitter().emit(YAMLEmitter.Node(node) { _ in true })) ?? ""
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
