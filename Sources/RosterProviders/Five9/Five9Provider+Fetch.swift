public import RosterModel

extension Five9Provider {
    /// Reads users (active and inactive, with roles and skill levels), skills and agent groups with members.
    ///
    /// With the SCIM lifecycle, SCIM `externalId`s (roster's ownership marker there) are read too.
    public func fetch() async throws -> LiveResources {
        try await read(keepingRecords: true)
    }

    /// Reads everything for a plan only: users are mapped without keeping their `userInfo`s.
    public func fetchForPlanning() async throws -> LiveResources {
        try await read(keepingRecords: false)
    }

    /// `fetch()`; without `keepingRecords` no user's `userInfo` is kept for a later read-modify-write.
    private func read(keepingRecords: Bool) async throws -> LiveResources {
        try await translatingFaults("the whole domain") {
            let infos = try await soap.usersInfo()
            reportRead("users", infos.count)
            let skills = try await soap.skills()
            reportRead("skills", skills.count)
            let agentGroups = try await soap.agentGroups()
            reportRead("groups", agentGroups.count)
            if let scim { try await readSCIMUsers(scim) }
            users = [:]
            var liveUsers: [LiveObject<User>] = []
            liveUsers.reserveCapacity(infos.count)
            for info in infos {
                guard let live = model(of: info) else { continue }
                if keepingRecords { record(info) }
                liveUsers.append(live)
            }
            groups = [:]
            for group in agentGroups { if let name = group.name { groups[name] = group } }
            return LiveResources(
                users: liveUsers, groups: agentGroups.compactMap { $0.toModel() },
                skills: skills.compactMap { $0.toModel() }, catalog: ["roles": Five9RoleName.all])
        }
    }

    /// Tells the read's observer a whole listing arrived (a SOAP listing is one answer).
    private func reportRead(_ kind: String, _ count: Int) {
        RequestContext.reportRead(ReadProgress(provider: name, kind: kind, read: count, total: count))
    }

    /// A user in roster's vocabulary, with the SCIM `externalId` when the SCIM lifecycle knows the user.
    func model(of info: Five9Wire.UserInfo) -> LiveObject<User>? {
        let key = info.generalInfo?.userName?.lowercased() ?? ""
        return info.toModel(externalId: scimUsers[key]?.externalId)
    }

    /// Reads every SCIM user's id and externalId.
    func readSCIMUsers(_ scim: SCIMClient) async throws {
        var found: [String: SCIMRecord] = [:]
        for json in try await scim.list("Users") {
            guard let id = json["id"]?.string, let userName = json["userName"]?.string else { continue }
            found[userName.lowercased()] = SCIMRecord(id: id, externalId: json["externalId"]?.string)
        }
        scimUsers = found
    }

    /// Runs `body`, turning a SOAP fault or a lost answer into a `ProviderError` about `object`.
    func translatingFaults<T: Sendable>(_ object: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let fault as Five9Fault {
            throw fault.providerError(provider: name, context: object)
        } catch let error as TransportError {
            throw ProviderError(
                error.kind == .unreachable ? .unreachable : .transient, provider: name,
                "a call for \(object) got no answer (\(error))")
        } catch SCIMFailure.noResponse(let error, let method, let path) {
            throw ProviderError(.transient, provider: name, "SCIM \(method) \(path) got no answer (\(error))")
        }
    }
}
