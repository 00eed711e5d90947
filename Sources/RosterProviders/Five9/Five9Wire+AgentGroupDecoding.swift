extension Five9Wire.AgentGroup {
    /// Reads an `agentGroup` element.
    init(_ node: Five9XMLNode) {
        let agents = node.strings("agents")
        self.init(
            agents: agents.isEmpty ? nil : agents, description: node.string("description"), id: node.int("id"),
            name: node.string("name"))
    }
}
