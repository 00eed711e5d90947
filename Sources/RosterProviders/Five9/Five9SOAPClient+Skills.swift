extension Five9SOAPClient {
    /// `getSkills`: skills whose name matches the (Java) regular expression.
    package func skills(matching pattern: String = ".*") async throws -> [Five9Wire.Skill] {
        try await call("getSkills", Five9Request.SkillPattern(skillNamePattern: pattern), item: Five9Wire.Skill.init)
    }

    /// The skill named exactly `name`, or nil.
    package func skill(named name: String) async throws -> Five9Wire.Skill? {
        try await skills(matching: Self.exactPattern(name)).first { $0.name == name }
    }

    /// `createSkill` with no members (assignments are steps of their own).
    package func createSkill(_ skill: Five9Wire.Skill) async throws {
        try await call("createSkill", Five9Request.CreateSkill(skillInfo: Five9Wire.SkillInfo(skill: skill)))
    }

    /// `deleteSkill`.
    package func deleteSkill(_ name: String) async throws {
        try await call("deleteSkill", Five9Request.SkillName(skillName: name))
    }
}
