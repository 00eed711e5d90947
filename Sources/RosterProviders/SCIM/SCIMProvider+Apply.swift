import Foundation
public import RosterModel

extension SCIMProvider {
    /// Executes one step.
    public func apply(_ step: PlanStep) async throws {
        switch (step.address.kind, step.action) {
        case (.user, .create): try await createUser(step)
        case (.user, .update), (.user, .reactivate), (.user, .deactivate): try await updateUser(step)
        case (.user, .delete): try await deleteUser(step)
        case (.group, .create): try await createGroup(step)
        case (.group, .delete): try await deleteGroup(step)
        case (.membership, .add), (.membership, .remove): try await changeMembership(step)
        case (_, .manual): return
        default:
            throw ProviderError(
                .configuration, provider: name,
                "\(step.action.rawValue) \(step.address.kind.rawValue) is not supported by SCIM")
        }
    }

    /// POST /Users.
    ///
    /// A lost answer or a 409 is resolved by looking the user up: if roster's marker is on it, the earlier attempt
    /// worked and nothing is sent again.
    func createUser(_ step: PlanStep) async throws {
        guard let user = step.user else { throw missingPayload(step) }
        let managerID = try await managerID(for: user)
        var object = dialect.mapping.json(for: user, managerID: managerID).object ?? [:]
        dialect.mapping.vendor?.prepareCreate(&object)
        let body = JSONValue.object(object)
        if try await createInBulk(user, body: body, changes: step.changes) { return }
        for attempt in 1...3 {
            do {
                let answer = try await client.create("Users", body)
                record(answer)
                try checkCreated(user, answer: answer)
                try await verifyWrite(of: user, changes: step.changes, answer: answer)
                return
            } catch SCIMFailure.noResponse(let error, _, _) {
                if try await adoptIfCreated(user) { return }
                if attempt == 3 {
                    throw ProviderError(.transient, provider: name, "POST /Users got no answer three times (\(error))")
                }
            } catch let error as ProviderError where error.status == 409 {
                if try await adoptIfCreated(user) { return }
                throw ProviderError(
                    .permanent, provider: name,
                    "\(error.message); a user named '\(user.userName)' exists but was not created by roster (adopt it with prune: all, or rename)",
                    status: 409, vendorDetail: error.vendorDetail)
            }
        }
    }

    /// Looks a user up by userName; records it and returns true when it carries roster's marker for this user.
    func adoptIfCreated(_ user: User) async throws -> Bool {
        let found = try await client.list("Users", filter: "userName eq \(Self.quote(user.userName))")
        guard let json = found.first, json["externalId"]?.string == user.externalId else { return false }
        record(json)
        return true
    }

    /// PATCH (or GET+PUT when the dialect cannot PATCH those attributes) with the step's changes.
    func updateUser(_ step: PlanStep) async throws {
        guard let user = step.user ?? deprovisioned(step) else { throw missingPayload(step) }
        let record = try userRecord(step)
        let managerID = try await managerID(for: user, changes: step.changes)
        if step.method == "PATCH" {
            let operations = dialect.mapping.operations(
                for: step.changes, user: user, live: record.json, managerID: managerID)
            if try await patchInBulk(user, id: record.id, operations, changes: step.changes) { return }
            let answer = try await idempotent {
                try await self.client.patch("Users", id: record.id, operations, version: record.version)
            }
            if answer != .null { self.record(answer) }
            try await verifyWrite(of: user, changes: step.changes, answer: answer)
        } else {
            let fresh = try await client.get("/Users/\(SCIMClient.escape(record.id))")
            var merged = user
            if !step.changes.contains(where: { $0.name == "externalId" }) {
                // Keep whatever marks the object now, unless the step sets roster's marker (adoption).
                merged.externalId = fresh["externalId"]?.string ?? user.externalId
            }
            let body = dialect.mapping.json(for: merged, over: fresh, managerID: managerID)
            let answer = try await idempotent {
                try await self.client.replace("Users", id: record.id, body, version: fresh["meta"]?["version"]?.string)
            }
            self.record(answer == .null ? body : answer)
            try await verifyWrite(of: user, changes: step.changes, answer: answer)
        }
    }

    /// A deprovisioning step carries no desired user: rebuild one from the live record with `active=false`.
    func deprovisioned(_ step: PlanStep) -> User? {
        guard let key = step.address.userKey, let record = users[key],
            var user = dialect.mapping.user(from: record.json)?.value
        else { return nil }
        user.active = step.action == .reactivate
        return user
    }

    /// DELETE /Users/{id}; a 404 means it is already gone.
    func deleteUser(_ step: PlanStep) async throws {
        let record = try userRecord(step)
        do {
            try await idempotent { try await self.client.delete("Users", id: record.id) }
        } catch let error as ProviderError where error.status == 404 {}
        users[step.address.keys[0]] = nil
        userKeysByID[record.id] = nil
    }

    /// POST /Groups with no members (memberships are steps of their own).
    func createGroup(_ step: PlanStep) async throws {
        guard let group = step.group else { throw missingPayload(step) }
        let body = JSONValue.object([
            "schemas": .array([.string(SCIMSchema.group)]), "displayName": .string(group.name),
            "externalId": group.externalId.map(JSONValue.string) ?? .null, "members": .array([]),
        ])
        do {
            _ = self.group(from: try await client.create("Groups", body))
        } catch SCIMFailure.noResponse {
            let found = try await client.list("Groups", filter: "displayName eq \(Self.quote(group.name))")
            guard let json = found.first else {
                throw ProviderError(.transient, provider: name, "POST /Groups got no answer")
            }
            _ = self.group(from: json)
        }
    }

    /// DELETE /Groups/{id}.
    func deleteGroup(_ step: PlanStep) async throws {
        guard let record = groups[step.address.keys[0]] else { return }
        do {
            try await idempotent { try await self.client.delete("Groups", id: record.id) }
        } catch let error as ProviderError where error.status == 404 {}
        groups[step.address.keys[0]] = nil
    }

    /// PATCH /Groups/{id} adding or removing one member.
    ///
    /// No If-Match: membership changes commute.
    func changeMembership(_ step: PlanStep) async throws {
        let groupName = step.address.keys[0]
        guard let group = groups[groupName] else {
            throw ProviderError(.permanent, provider: name, "group '\(groupName)' is not on \(name)")
        }
        guard let userID = users[step.address.keys[1]]?.id else {
            throw ProviderError(.permanent, provider: name, "user '\(step.address.keys[1])' is not on \(name)")
        }
        let operation =
            step.action == .add
            ? PatchOperation(.add, path: "members", value: .array([.object(["value": .string(userID)])]))
            : PatchOperation(.remove, path: "members[value eq \(Self.quote(userID))]")
        do {
            _ = try await idempotent { try await self.client.patch("Groups", id: group.id, [operation], version: nil) }
        } catch let error as ProviderError
            where step.action == .remove && error.status == 400 && error.message.contains("noTarget")
        {}
        if step.action == .add {
            groups[groupName]?.members.insert(userID)
        } else {
            groups[groupName]?.members.remove(userID)
        }
    }

    /// Runs a write whose effect is the same when repeated (PATCH that sets values, PUT, DELETE): after a lost
    /// answer it is simply sent again, up to three times.
    func idempotent<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch SCIMFailure.noResponse(let error, let method, let path) where attempt < 3 {
                _ = (error, method, path)
                attempt += 1
            } catch SCIMFailure.noResponse(let error, let method, let path) {
                throw ProviderError(
                    .transient, provider: name, "\(method) \(path) got no answer three times (\(error))")
            }
        }
    }

    /// Records a user object from an answer.
    func record(_ json: JSONValue) {
        guard let live = dialect.mapping.user(from: json) else { return }
        users[live.value.key] = UserRecord(id: live.id, json: json)
        userKeysByID[live.id] = live.value.key
    }

    func userRecord(_ step: PlanStep) throws -> UserRecord {
        guard let key = step.address.userKey, let record = users[key] else {
            throw ProviderError(
                .permanent, provider: name, "user '\(step.address.userKey ?? "?")' is not on \(name) any more")
        }
        return record
    }

    func missingPayload(_ step: PlanStep) -> ProviderError {
        ProviderError(.configuration, provider: name, "plan step \(step.id) carries no desired object")
    }
}
