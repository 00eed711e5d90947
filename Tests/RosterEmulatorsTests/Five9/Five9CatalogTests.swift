import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Five9 SOAP: user skills, skills and agent groups")
struct Five9CatalogTests {
    static func userSkill(_ user: String, _ skill: String, level: Int? = 1, id: String = "") -> String {
        let levelElement = level.map { "<level>\($0)</level>" } ?? ""
        return "<userSkill>\(id)\(levelElement)<skillName>\(skill)</skillName><userName>\(user)</userName></userSkill>"
    }

    @Test func userSkillAddModifyRemove() async throws {
        let client = try Five9TestClient()
        let sam = "sam@acme.example"
        #expect(await client.call("userSkillAdd", Self.userSkill(sam, "Billing", level: 3)).status == 200)
        #expect(await client.emulator.user(sam)?.skills == ["Billing": 3])
        let modified = await client.call("userSkillModify", Self.userSkill(sam, "Billing", level: 7))
        #expect(modified.text.contains("<ns2:userSkillModifyResponse xmlns:ns2=\"\(five9Namespace)\"/>"))
        #expect(await client.emulator.user(sam)?.skills == ["Billing": 7])
        #expect(await client.call("userSkillRemove", Self.userSkill(sam, "Billing")).status == 200)
        #expect(await client.emulator.user(sam)?.skills == [:])
        #expect(await client.emulator.stats.skillChangeTimes.count == 3)
    }

    @Test(arguments: [
        ("userSkillAdd", userSkill("ana@acme.example", "Sales"), "UserAlreadyHasSkillFault"),
        ("userSkillModify", userSkill("ana@acme.example", "Billing"), "UserDoesntHaveSkillFault"),
        ("userSkillRemove", userSkill("ana@acme.example", "Billing"), "UserDoesntHaveSkillFault"),
        ("userSkillAdd", userSkill("nobody", "Sales"), "UserNotFoundFault"),
        ("userSkillAdd", userSkill("ana@acme.example", "Nope"), "SkillNotFoundFault"),
        ("userSkillAdd", userSkill("ana@acme.example", "Billing", level: 0), "IncorrectArgumentFault"),
        ("userSkillRemove", userSkill("ana@acme.example", "Sales", level: nil), "MissedArgumentFault"),
        ("userSkillAdd", userSkill("ana@acme.example", "Billing", id: "<id>1</id>"), "IncorrectArgumentFault"),
        ("userSkillAdd", "", "MissedArgumentFault"),
    ])
    func userSkillFaults(operation: String, body: String, fault: String) async throws {
        let client = try Five9TestClient()
        let answer = await client.call(operation, body)
        #expect(answer.fault == fault)
        #expect(await client.emulator.user("ana@acme.example")?.skills == ["Sales": 1])
    }

    @Test func userSkillFaultsNameUserAndSkill() async throws {
        let answer = try await Five9TestClient().call("userSkillAdd", Self.userSkill("ana@acme.example", "Sales"))
        #expect(answer.faultDetail?.children.map(\.name) == ["message", "skillName", "userName"])
        #expect(answer.faultString == #"User "ana@acme.example" already has skill "Sales"."#)
    }

    @Test func skillsAreListedFetchedCreatedModifiedAndDeleted() async throws {
        let client = try Five9TestClient()
        #expect(
            await client.call("getSkills", "<skillNamePattern>S.*</skillNamePattern>").returns.map { $0["name"] } == [
                "Sales"
            ])
        let created = await client.call(
            "createSkill",
            "<skillInfo><skill><description>Spanish</description><messageOfTheDay>Hola</messageOfTheDay>"
                + "<name>Spanish</name><routeVoiceMails>false</routeVoiceMails></skill>"
                + "<users><level>2</level><userName>ana@acme.example</userName></users></skillInfo>")
        let info = try #require(created.returns.first)
        #expect(
            info.child("skill")?.children.map(\.name) == [
                "description", "id", "messageOfTheDay", "name", "routeVoiceMails",
            ])
        #expect(info.child("users")?["id"] == info.child("skill")?["id"])
        #expect(await client.emulator.user("ana@acme.example")?.skills == ["Sales": 1, "Spanish": 2])
        let modified = await client.call(
            "modifySkill", "<skill><description>Español</description><name>Spanish</name></skill>")
        #expect(modified.returns.first?.child("skill")?["description"] == "Español")
        #expect(modified.returns.first?.child("skill")?["messageOfTheDay"] == "Hola")
        #expect(
            await client.call("getSkill", "<skillName>Spanish</skillName>").returns.first?["description"] == "Español")
        let skillInfo = await client.call("getSkillsInfo", "<skillNamePattern>Spanish</skillNamePattern>")
        #expect(skillInfo.returns.first?.child("users")?["userName"] == "ana@acme.example")
        #expect(await client.call("deleteSkill", "<skillName>Spanish</skillName>").status == 200)
        #expect(await client.emulator.user("ana@acme.example")?.skills == ["Sales": 1])
        #expect(await client.call("getSkillInfo", "<skillName>Spanish</skillName>").fault == "SkillNotFoundFault")
    }

    @Test(arguments: [
        ("createSkill", "<skillInfo><skill><name>Sales</name></skill></skillInfo>", "SkillAlreadyExistsFault"),
        (
            "createSkill",
            "<skillInfo><skill><name>X</name></skill><users><level>1</level><userName>nobody</userName></users></skillInfo>",
            "UserNotFoundFault"
        ),
        (
            "createSkill", "<skillInfo><skill><description>no name</description></skill></skillInfo>",
            "MissedArgumentFault"
        ),
        ("modifySkill", "<skill><name>Nope</name></skill>", "SkillNotFoundFault"),
        ("deleteSkill", "<skillName>Nope</skillName>", "SkillNotFoundFault"),
        ("getSkill", "<skillName>Nope</skillName>", "SkillNotFoundFault"),
        ("getSkills", "<skillNamePattern>[</skillNamePattern>", "InvalidRegexpPatternFault"),
    ])
    func skillFaults(operation: String, body: String, fault: String) async throws {
        let client = try Five9TestClient()
        let answer = await client.call(operation, body)
        #expect(answer.fault == fault)
        #expect(await client.emulator.skills().map(\.name) == ["Sales", "Billing"])
    }

    @Test func skillsUsedElsewhereCannotBeDeleted() async throws {
        let seed = #"{"vendor": {"skills": [{"name": "IVR", "inUse": true}]}}"#
        let answer = try await Five9TestClient(seed: seed).call("deleteSkill", "<skillName>IVR</skillName>")
        #expect(answer.fault == "SkillCantBeDeletedFault")
    }

    @Test func agentGroupsAreListedCreatedAndDeleted() async throws {
        let client = try Five9TestClient()
        let all = await client.call("getAgentGroups", "<groupNamePattern>.*</groupNamePattern>")
        let group = try #require(all.returns.first)
        #expect(group.children.map(\.name) == ["agents", "description", "id", "name"])
        #expect(await client.call("getAgentGroups").returns.count == 1)
        let created = await client.call(
            "createAgentGroup", "<group><agents>sam@acme.example</agents><name>Tier2</name></group>")
        #expect(created.returns.first?.strings("agents") == ["sam@acme.example"])
        #expect(await client.call("getAgentGroup", "<groupName>Tier2</groupName>").returns.first?["name"] == "Tier2")
        #expect(await client.call("deleteAgentGroup", "<groupName>Tier2</groupName>").status == 200)
        #expect(await client.emulator.user("sam@acme.example") != nil)
        #expect(await client.emulator.agentGroups().map(\.name) == ["Tier1"])
    }

    @Test func modifyAgentGroupReplacesWithTheGroupThenAppliesTheDeltas() async throws {
        let client = try Five9TestClient()
        let id = try #require(await client.emulator.agentGroups().first?.id)
        let answer = await client.call(
            "modifyAgentGroup",
            "<group><agents>ana@acme.example</agents><description>First line</description><id>\(id)</id>"
                + "<name>Tier One</name></group><addAgents>sam@acme.example</addAgents>"
                + "<removeAgents>ana@acme.example</removeAgents>")
        #expect(answer.status == 200)
        #expect(answer.returns.isEmpty)
        let group = try #require(await client.emulator.agentGroups().first)
        #expect(group.name == "Tier One")
        #expect(group.id == id)
        #expect(group.agents == ["sam@acme.example"])
        #expect(await client.emulator.user("sam@acme.example")?.agentGroups == ["Tier One"])
        #expect(await client.emulator.user("ana@acme.example")?.agentGroups == [])
        // The group element's parameters replace the stored ones: a group without agents or description clears them.
        _ = await client.call("modifyAgentGroup", "<group><name>Tier One</name></group>")
        let cleared = try #require(await client.emulator.agentGroups().first)
        #expect(cleared.members.isEmpty)
        #expect(cleared.description == nil)
    }

    @Test(arguments: [
        ("createAgentGroup", "<group><name>Tier1</name></group>", "ObjectAlreadyExistsFault"),
        ("createAgentGroup", "<group><agents>nobody</agents><name>New</name></group>", "ObjectNotFoundFault"),
        (
            "createAgentGroup", "<group><agents>rita@acme.example</agents><name>New</name></group>",
            "UserHasNoRequiredRoleFault"
        ),
        (
            "modifyAgentGroup",
            "<group><agents>ana@acme.example</agents><name>Tier1</name></group><addAgents>rita@acme.example</addAgents>",
            "UserHasNoRequiredRoleFault"
        ),
        ("modifyAgentGroup", "<group><name>Nope</name></group>", "ObjectNotFoundFault"),
        ("modifyAgentGroup", "<group><id>999</id><name>Tier1</name></group>", "ObjectNotFoundFault"),
        ("modifyAgentGroup", "<addAgents>sam@acme.example</addAgents>", "MissedArgumentFault"),
        ("getAgentGroup", "<groupName>Nope</groupName>", "ObjectNotFoundFault"),
        ("deleteAgentGroup", "<groupName>Nope</groupName>", "ObjectNotFoundFault"),
    ])
    func agentGroupFaults(operation: String, body: String, fault: String) async throws {
        let client = try Five9TestClient()
        let before = await client.emulator.agentGroups()
        let answer = await client.call(operation, body)
        #expect(answer.fault == fault)
        #expect(await client.emulator.agentGroups() == before)
    }

    @Test func agentGroupNotFoundNamesTheObject() async throws {
        let answer = try await Five9TestClient().call("getAgentGroup", "<groupName>Nope</groupName>")
        #expect(answer.faultDetail?.children.map(\.name) == ["message", "objectName", "objectType"])
        #expect(answer.faultDetail?["objectType"] == "AgentGroup")
        #expect(answer.faultString == #"Agent group "Nope" doesn't exist."#)
        let role = try await Five9TestClient().call(
            "createAgentGroup", "<group><agents>rita@acme.example</agents><name>New</name></group>")
        #expect(role.faultDetail?.strings("roles") == ["Agent", "Supervisor"])
        #expect(role.faultDetail?["userName"] == "rita@acme.example")
    }

    @Test func utilityOperationsAnswer() async throws {
        let client = try Five9TestClient()
        #expect(await client.call("getApiVersions").returns.first?["maxVersion"] == "v13")
        let configuration = await client.call("getVCCConfiguration").returns.first
        #expect(configuration?["domainName"] == "Emulated Domain")
        #expect(configuration?.child("passwordPolicies")?["minPasswordLength"] == "8")
        #expect(await client.call("closeSession").status == 200)
    }
}
