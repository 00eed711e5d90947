/// The admin web service operations the emulator serves, with their request children (five9.md §4) and the
/// limit category they count in (five9.md §2.1).
enum Five9Operation: String, Sendable, CaseIterable {
    case createUser, modifyUser, deleteUser, getUsersInfo, getUsersGeneralInfo, getUserInfo, getUserGeneralInfo
    case userSkillAdd, userSkillModify, userSkillRemove
    case getSkills, getSkillsInfo, getSkill, getSkillInfo, createSkill, modifySkill, deleteSkill
    case getAgentGroups, getAgentGroup, createAgentGroup, modifyAgentGroup, deleteAgentGroup
    case getCallCountersState, getApiVersions, getVCCConfiguration, closeSession

    /// The child elements the wrapper may hold.
    var parameters: [String] {
        switch self {
        case .createUser: ["userInfo"]
        case .modifyUser: ["userGeneralInfo", "rolesToSet", "rolesToRemove"]
        case .deleteUser, .getUserInfo, .getUserGeneralInfo: ["userName"]
        case .getUsersInfo, .getUsersGeneralInfo: ["userNamePattern"]
        case .userSkillAdd, .userSkillModify, .userSkillRemove: ["userSkill"]
        case .getSkills, .getSkillsInfo: ["skillNamePattern"]
        case .getSkill, .getSkillInfo, .deleteSkill: ["skillName"]
        case .createSkill: ["skillInfo"]
        case .modifySkill: ["skill"]
        case .getAgentGroups: ["groupNamePattern"]
        case .getAgentGroup, .deleteAgentGroup: ["groupName"]
        case .createAgentGroup: ["group"]
        case .modifyAgentGroup: ["group", "addAgents", "removeAgents"]
        case .getCallCountersState, .getApiVersions, .getVCCConfiguration, .closeSession: []
        }
    }

    /// The counter the call uses; nil for calls that are not counted (`getCallCountersState`, `closeSession`).
    var category: Five9CallCounters.Category? {
        switch self {
        case .getCallCountersState, .closeSession: nil
        case .getUsersInfo, .getUsersGeneralInfo, .getUserInfo, .getUserGeneralInfo, .getSkills, .getSkillsInfo,
            .getSkill, .getSkillInfo, .getAgentGroups, .getAgentGroup, .getApiVersions, .getVCCConfiguration:
            .query
        case .createUser, .modifyUser, .deleteUser, .userSkillAdd, .userSkillModify, .userSkillRemove, .createSkill,
            .modifySkill, .deleteSkill, .createAgentGroup, .modifyAgentGroup, .deleteAgentGroup:
            .modify
        }
    }

    /// Whether the call changes a user's skill membership (paced by Five9's advice, five9.md §2.3).
    var isSkillMembershipChange: Bool {
        self == .userSkillAdd || self == .userSkillModify || self == .userSkillRemove
    }
}
