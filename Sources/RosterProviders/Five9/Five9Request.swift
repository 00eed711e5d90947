/// The parameters of each admin web service operation roster calls (five9.md §4), in WSDL order.
///
/// Wire shapes only; each encodes as the children of `<ser:operation>`.
enum Five9Request {
    /// `getUsersInfo`, `getUsersGeneralInfo`.
    struct UserPattern: Encodable {
        var userNamePattern: String
    }

    /// `createUser`.
    struct CreateUser: Encodable {
        var userInfo: Five9Wire.UserInfo
    }

    /// `modifyUser`: general info to set, roles to add or replace, roles to remove (`DomainAdmin`, `Agent`…).
    struct ModifyUser: Encodable {
        var userGeneralInfo: Five9Wire.UserGeneralInfo?
        var rolesToSet: Five9Wire.UserRoles?
        var rolesToRemove: [String]?
    }

    /// `deleteUser`.
    struct UserName: Encodable {
        var userName: String
    }

    /// `userSkillAdd`, `userSkillModify`, `userSkillRemove`.
    struct UserSkill: Encodable {
        var userSkill: Five9Wire.UserSkill
    }

    /// `getSkills`.
    struct SkillPattern: Encodable {
        var skillNamePattern: String
    }

    /// `createSkill`.
    struct CreateSkill: Encodable {
        var skillInfo: Five9Wire.SkillInfo
    }

    /// `deleteSkill`.
    struct SkillName: Encodable {
        var skillName: String
    }

    /// `getAgentGroups`.
    struct GroupPattern: Encodable {
        var groupNamePattern: String
    }

    /// `createAgentGroup`.
    struct CreateAgentGroup: Encodable {
        var group: Five9Wire.AgentGroup
    }

    /// `modifyAgentGroup`: the group as fetched, plus member deltas.
    struct ModifyAgentGroup: Encodable {
        var group: Five9Wire.AgentGroup?
        var addAgents: [String]?
        var removeAgents: [String]?
    }

    /// `deleteAgentGroup`.
    struct GroupName: Encodable {
        var groupName: String
    }
}
