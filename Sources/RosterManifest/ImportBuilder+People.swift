import RosterModel

extension ImportContext {
    /// Groups chosen by ownership and policy; their members come along even when roster does not own them, since a
    /// member left out would be removed from the group by the next plan.
    mutating func selectGroups() {
        for config in providers where caps(config.name).kinds.contains(.group) {
            let liveUsers = Dictionary(
                resources(config.name).users.map { ($0.value.key, $0) }, uniquingKeysWith: { first, _ in first })
            var chosen: [LiveObject<Group>] = []
            for group in resources(config.name).groups.sorted(by: { $0.value.key < $1.value.key }) {
                guard selection(externalId: group.value.externalId, of: config) != nil else { continue }
                chosen.append(group)
                for member in group.value.members {
                    let id = AccountID(provider: config.name, key: member)
                    guard users[id] == nil, let user = liveUsers[member] else { continue }
                    users[id] = user
                    adoption[id] = .groupMember
                    note(
                        "member-adopted",
                        "\(config.name): '\(member)' has no roster ownership marker but is a member of the imported group '\(group.value.name)'; imported so the group keeps them"
                    )
                }
            }
            groups[config.name] = chosen
        }
    }

    /// Groups accounts into people: the same userName (case-insensitive) on several providers is one person, then
    /// the same e-mail address; a person never gets two accounts on one provider.
    mutating func matchPeople() {
        let accounts = users.keys.sorted()
        var index: [AccountID: Int] = [:]
        for (position, account) in accounts.enumerated() { index[account] = position }
        var sets = DisjointSets(providers: accounts.map(\.provider))
        var byKey: [String: [Int]] = [:]
        var byEmail: [String: [Int]] = [:]
        for (position, account) in accounts.enumerated() {
            byKey[account.key, default: []].append(position)
            if let email = users[account]?.value.attributes[Attribute.email]?.text?.lowercased() {
                byEmail[email, default: []].append(position)
            }
        }
        for key in byKey.keys.sorted() { sets.unite(byKey[key] ?? []) }
        for email in byEmail.keys.sorted() { sets.unite(byEmail[email] ?? []) }
        var components: [Int: [AccountID]] = [:]
        for (position, account) in accounts.enumerated() {
            components[sets.root(of: position), default: []].append(account)
        }
        let ordered = components.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        var taken: Set<String> = []
        var named: [(String, [AccountID])] = []
        for members in ordered {
            guard let name = primaryName(of: members, taken: taken) else {
                note(
                    "name-taken",
                    "accounts \(members.map { "\($0.provider):\($0.key)" }) found no free userName; left out")
                continue
            }
            taken.insert(name.lowercased())
            named.append((name, members))
        }
        for (name, members) in named.sorted(by: { $0.0.lowercased() < $1.0.lowercased() }) {
            for account in members { personOf[account] = people.count }
            people.append(members)
            manifest.people.append(ImportedPerson(userName: name))
        }
    }

    /// The userName most of the person's accounts use (preferring e-mail addresses, then the first provider by
    /// name), spelled as that provider spells it; another one when it is already a person's.
    func primaryName(of accounts: [AccountID], taken: Set<String>) -> String? {
        var count: [String: Int] = [:]
        var spelling: [String: (provider: String, userName: String)] = [:]
        for account in accounts {
            count[account.key, default: 0] += 1
            let userName = users[account]?.value.userName ?? account.key
            if let known = spelling[account.key], known.provider <= account.provider { continue }
            spelling[account.key] = (account.provider, userName)
        }
        let candidates = count.keys.sorted { a, b in
            let (ca, cb) = (count[a] ?? 0, count[b] ?? 0)
            if ca != cb { return ca > cb }
            let (ea, eb) = (a.contains("@"), b.contains("@"))
            if ea != eb { return ea }
            let (pa, pb) = (spelling[a]?.provider ?? "", spelling[b]?.provider ?? "")
            return pa != pb ? pa < pb : a < b
        }
        return candidates.first { !taken.contains($0) }.flatMap { spelling[$0]?.userName }
    }
}

/// Union-find over accounts that refuses to join two sets holding accounts on the same provider.
struct DisjointSets {
    private var parent: [Int]
    private var providers: [Set<String>]

    init(providers: [String]) {
        parent = Array(providers.indices)
        self.providers = providers.map { [$0] }
    }

    /// The representative of an element's set.
    mutating func root(of element: Int) -> Int {
        var current = element
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    /// Joins the sets of `elements` in order, skipping any join that would put two accounts of one provider
    /// together.
    mutating func unite(_ elements: [Int]) {
        guard let first = elements.first else { return }
        for element in elements.dropFirst() {
            let (a, b) = (root(of: first), root(of: element))
            guard a != b, providers[a].isDisjoint(with: providers[b]) else { continue }
            parent[b] = a
            providers[a].formUnion(providers[b])
        }
    }
}

extension AttributeValue {
    /// The string, for `.string` values.
    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
