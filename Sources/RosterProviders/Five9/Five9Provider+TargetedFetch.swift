public import RosterModel

extension Five9Provider {
    /// Reads only the users, agent groups and skills at `addresses`, records them as `fetch()` does, and returns
    /// them.
    ///
    /// Each kind is one query whose name pattern lists the wanted names (`Five9TargetedPatterns`), so the read
    /// never takes more calls than a full one and answers with only what was asked. With the SCIM lifecycle, SCIM
    /// users are read by `userName eq` when that costs fewer requests than listing them all.
    public func fetch(only addresses: Set<ResourceAddress>) async throws -> LiveResources {
        let keys = ObjectKeys(addresses)
        let catalog = ["roles": Five9RoleName.all]
        guard !keys.isEmpty else { return LiveResources(catalog: catalog) }
        let patterns = Five9TargetedPatterns(keys)
        return try await translatingFaults("the objects the plan touches") {
            var infos: [Five9Wire.UserInfo] = []
            for pattern in patterns.users { infos += try await soap.usersInfo(matching: pattern) }
            var agentGroups: [Five9Wire.AgentGroup] = []
            for pattern in patterns.groups { agentGroups += try await soap.agentGroups(matching: pattern) }
            var skills: [Five9Wire.Skill] = []
            for pattern in patterns.skills { skills += try await soap.skills(matching: pattern) }
            if let scim { try await readSCIMUsers(keys.users, scim: scim) }
            for key in keys.users { users[key] = nil }
            var liveUsers: [LiveObject<User>] = []
            for info in infos {
                guard let live = model(of: info) else { continue }
                record(info)
                if keys.users.contains(live.value.key) { liveUsers.append(live) }
            }
            for name in keys.groups { groups[name] = nil }
            for group in agentGroups { if let name = group.name { groups[name] = group } }
            return LiveResources(
                users: liveUsers,
                groups: agentGroups.filter { keys.groups.contains($0.name ?? "") }.compactMap { $0.toModel() },
                skills: skills.filter { keys.skills.contains($0.name ?? "") }.compactMap { $0.toModel() },
                catalog: catalog)
        }
    }

    /// Reads the SCIM id and externalId of these users: one `userName eq` each, or every SCIM user when that takes
    /// fewer requests.
    func readSCIMUsers(_ keys: Set<String>, scim: SCIMClient) async throws {
        guard !keys.isEmpty else { return }
        var cost = TargetedReadCost(otherLists: 0)
        guard try await scim.targetedReadIsCheaper(keys.count, cost: &cost) else {
            return try await readSCIMUsers(scim)
        }
        for key in keys { scimUsers[key] = nil }
        let found = try await ConcurrentReads.map(keys.sorted(), limit: scim.readConcurrency) { key in
            try await scim.list("Users", filter: "userName eq \(SCIMProvider.quote(key))")
        }
        found.joined().forEach(recordSCIM)
    }
}
