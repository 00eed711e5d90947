extension Five9Wire.Skill {
    /// Reads a `skill` element.
    init(_ node: Five9XMLNode) {
        self.init(
            description: node.string("description"), id: node.int("id"),
            messageOfTheDay: node.string("messageOfTheDay"), name: node.string("name"),
            routeVoiceMails: node.bool("routeVoiceMails"))
    }
}
