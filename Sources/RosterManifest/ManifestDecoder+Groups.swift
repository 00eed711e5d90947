import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// `groups:` — a list of groups.
    mutating func decodeGroups(_ node: YAMLNode) {
        guard let items = diagnostics.list(node, "'groups'") else { return }
        for item in items {
            if let group = decodeGroup(item) { document.add(group, diagnostics) }
        }
    }

    /// One group: name and `on` required; the same provider or member twice is an error.
    private func decodeGroup(_ node: YAMLNode) -> GroupDecl? {
        guard let fields = diagnostics.fields(node, "a group", allowed: ManifestKeys.group, in: "group") else {
            return nil
        }
        diagnostics.require(["name", "on"], in: fields, of: node, "group")
        if let pair = fields["description"] { _ = diagnostics.string(pair.value, "'description'") }
        let name = fields["name"].flatMap { diagnostics.nonEmptyString($0.value, "'name'") }
        var on: [Located<String>] = []
        if let pair = fields["on"], let providers = diagnostics.stringList(pair.value, "'on'") {
            on = unique(providers, "provider")
            if providers.isEmpty {
                diagnostics.error(.invalidValue, "'on' must name at least one provider", at: pair.value.location)
            }
        }
        let members = fields["members"].flatMap { diagnostics.stringList($0.value, "'members'") } ?? []
        guard let name else { return nil }
        return GroupDecl(
            name: name, location: node.location, on: on, members: unique(members, "member", caseless: true))
    }

    /// The list without repeats, each repeat reported with the first place it was written.
    private func unique(_ items: [Located<String>], _ what: String, caseless: Bool = false) -> [Located<String>] {
        var seen: [String: SourceLocation] = [:]
        var result: [Located<String>] = []
        for item in items {
            let key = caseless ? item.value.lowercased() : item.value
            if let first = seen[key] {
                diagnostics.error(
                    .duplicate, "\(what) '\(item.value)' is listed twice", at: item.location, related: [first])
                continue
            }
            seen[key] = item.location
            result.append(item)
        }
        return result
    }
}
