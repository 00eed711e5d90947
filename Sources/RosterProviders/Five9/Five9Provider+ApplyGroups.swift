import RosterModel

extension Five9Provider {
    /// An agent-group step: create or delete.
    func applyGroup(_ step: PlanStep) async throws {
        switch step.action {
        case .create: try await createGroup(step)
        case .delete: try await deleteGroup(step)
        case .manual: return
        case .update, .deactivate, .reactivate, .add, .modify, .remove: throw unsupported(step)
        }
    }

    /// `createAgentGroup` with no members (they are steps of their own) and roster's marker as its description.
    ///
    /// A lost answer or `ObjectAlreadyExistsFault` is resolved by reading the group: roster's marker on it means an
    /// earlier attempt worked.
    func createGroup(_ step: PlanStep) async throws {
        let groupName = step.group?.name ?? step.address.keys[0]
        let marker = step.group?.externalId ?? Ownership.marker(for: groupName)
        let group = Five9Wire.AgentGroup(description: marker, name: groupName)
        for attempt in 1...3 {
            do {
                groups[groupName] = try await soap.createAgentGroup(group) ?? group
                return
            } catch let error as TransportError {
                if try await adoptGroup(groupName, marker: marker) { return }
                if attempt == 3 {
                    throw ProviderError(
                        .transient, provider: name, "createAgentGroup got no answer three times (\(error))")
                }
            } catch let fault as Five9Fault where fault.reason == .alreadyExists {
                if try await adoptGroup(groupName, marker: marker) { return }
                throw ProviderError(
                    .permanent, provider: name,
                    "createAgentGroup for agent group '\(groupName)' failed: \(fault.name): a group with that name "
                        + "exists but roster did not create it",
                    status: 500, vendorDetail: fault.message)
            }
        }
    }

    /// Reads the group fresh; records it and returns true when it carries `marker`.
    func adoptGroup(_ groupName: String, marker: String) async throws -> Bool {
        guard let found = try await soap.agentGroup(named: groupName), found.description == marker else {
            return false
        }
        groups[groupName] = found
        return true
    }

    /// `deleteAgentGroup`; a group already gone counts as deleted (members are not deleted with it).
    func deleteGroup(_ step: PlanStep) async throws {
        let groupName = step.address.keys[0]
        defer { groups[groupName] = nil }
        for attempt in 1...3 {
            do {
                try await soap.deleteAgentGroup(groupName)
                return
            } catch let fault as Five9Fault where fault.reason == .notFound {
                return
            } catch let error as TransportError where attempt < 3 {
                _ = error
            }
        }
    }

    /// A membership step: add or remove.
    func applyMembership(_ step: PlanStep) async throws {
        switch step.action {
        case .add, .remove: try await changeMembership(step)
        case .manual: return
        case .create, .update, .deactivate, .reactivate, .delete, .modify: throw unsupported(step)
        }
    }

    /// `modifyAgentGroup` with the group as last read and one agent to add or remove (five9.md §4.4), one change at
    /// a time (the executor may run several steps at once when the manifest raises the pace's concurrency).
    func changeMembership(_ step: PlanStep) async throws {
        await groupWrites.acquire()
        do {
            try await changeMembershipAlone(step)
            await groupWrites.release()
        } catch {
            await groupWrites.release()
            throw error
        }
    }

    /// The read-modify-write of one membership change.
    ///
    /// After a lost answer the group is read fresh: when it already shows the change nothing is sent again.
    func changeMembershipAlone(_ step: PlanStep) async throws {
        let (groupName, key) = (step.address.keys[0], step.address.keys[1])
        let adding = step.action == .add
        for attempt in 1...3 {
            guard let group = try await agentGroup(groupName) else {
                if adding {
                    throw ProviderError(.permanent, provider: name, "agent group '\(groupName)' is not on \(name)")
                }
                return
            }
            let current = group.member(key)
            if (current != nil) == adding { return }
            var member = current ?? ""
            if current == nil { member = try await userName(key) }
            do {
                try await soap.modifyAgentGroup(group, add: adding ? [member] : [], remove: adding ? [] : [member])
                var updated = group
                updated.agents = adding ? (group.agents ?? []) + [member] : (group.agents ?? []).filter { $0 != member }
                groups[groupName] = updated
                return
            } catch let fault as Five9Fault where fault.reason == .notFound && !adding {
                return
            } catch let error as TransportError where attempt < 3 {
                _ = error
                groups[groupName] = nil
            }
        }
    }
}
