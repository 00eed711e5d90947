extension Five9Wire {
    /// `agentGroup` (five9.md §3.4): member user names, description, id and name.
    package struct AgentGroup: Sendable, Hashable, Encodable {
        package var agents: [String]?
        package var description: String?
        package var id: Int?
        package var name: String?

        /// Creates an agent group.
        package init(agents: [String]? = nil, description: String? = nil, id: Int? = nil, name: String?) {
            self.agents = agents
            self.description = description
            self.id = id
            self.name = name
        }
    }
}
