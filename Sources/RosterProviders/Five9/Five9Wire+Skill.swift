extension Five9Wire {
    /// The `skill` element (five9.md §3.4), in WSDL order.
    package struct Skill: Sendable, Hashable, Encodable {
        package var description: String?
        package var id: Int?
        package var messageOfTheDay: String?
        package var name: String?
        package var routeVoiceMails: Bool?

        /// Creates a skill.
        package init(
            description: String? = nil, id: Int? = nil, messageOfTheDay: String? = nil, name: String?,
            routeVoiceMails: Bool? = nil
        ) {
            self.description = description
            self.id = id
            self.messageOfTheDay = messageOfTheDay
            self.name = name
            self.routeVoiceMails = routeVoiceMails
        }
    }

    /// `skillInfo`: a skill and its member rows (createSkill's input and output).
    package struct SkillInfo: Sendable, Hashable, Encodable {
        package var skill: Skill?
        package var users: [UserSkill]?

        /// Creates a skill info.
        package init(skill: Skill?, users: [UserSkill]? = nil) {
            self.skill = skill
            self.users = users
        }
    }
}
