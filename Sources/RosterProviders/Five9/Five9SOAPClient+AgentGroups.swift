extension Five9SOAPClient {
    /// `getAgentGroups`: groups whose name matches the (Java) regular expression, with their members; `.*` for all,
    /// as the doc asks (it does not promise that an empty pattern means all).
    package func agentGroups(matching pattern: String = ".*") async throws -> [Five9Wire.AgentGroup] {
        try await call(
            "getAgentGroups", Five9Request.GroupPattern(groupNamePattern: pattern), item: Five9Wire.AgentGroup.init)
    }

    /// The agent group named exactly `name`, or nil.
    package func agentGroup(named name: String) async throws -> Five9Wire.AgentGroup? {
        try await agentGroups(matching: Self.exactPattern(name)).first { $0.name == name }
    }

    /// `createAgentGroup`; returns the group as the service echoes it (its `return`, five9.md §4.4).
    package func createAgentGroup(_ group: Five9Wire.AgentGroup) async throws -> Five9Wire.AgentGroup? {
        try await call("createAgentGroup", Five9Request.CreateAgentGroup(group: group), item: Five9Wire.AgentGroup.init)
            .first
    }

    /// `modifyAgentGroup`: sends `group` as fetched (read-modify-write, five9.md §4.4) with member deltas.
    package func modifyAgentGroup(_ group: Five9Wire.AgentGroup, add: [String] = [], remove: [String] = []) async throws
    {
        let request = Five9Request.ModifyAgentGroup(
            group: group, addAgents: add.isEmpty ? nil : add, removeAgents: remove.isEmpty ? nil : remove)
        try await call("modifyAgentGroup", request)
    }

    /// `deleteAgentGroup`.
    package func deleteAgentGroup(_ name: String) async throws {
        try await call("deleteAgentGroup", Five9Request.GroupName(groupName: name))
    }
}
