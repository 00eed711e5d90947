import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Five9: seed and state folder")
struct Five9PersistenceTests {
    private func open(_ folder: TemporaryFolder, seed: String = five9Seed) throws -> Five9TestClient {
        Five9TestClient(
            try VendorEmulators.five9(
                seed: VendorSeed(json: Data(seed.utf8)), stateDirectory: folder.state, now: fixedNow))
    }

    @Test func stateSurvivesANewInstanceThroughTheJournal() async throws {
        let folder = try TemporaryFolder()
        var client: Five9TestClient? = try open(folder)
        let group = try #require(await client?.emulator.agentGroups().first?.id)
        _ = await client?.call(
            "createUser",
            createUserBody("new@x", extra: "<skills><level>4</level><skillName>Billing</skillName></skills>"))
        _ = await client?.call("createSkill", "<skillInfo><skill><name>Spanish</name></skill></skillInfo>")
        _ = await client?.call("userSkillAdd", Five9CatalogTests.userSkill("sam@acme.example", "Spanish", level: 2))
        _ = await client?.call(
            "modifyAgentGroup",
            "<group><agents>ana@acme.example</agents><id>\(group)</id><name>Renamed</name></group>"
                + "<addAgents>new@x</addAgents>")
        _ = await client?.call("deleteUser", "<userName>rita@acme.example</userName>")
        _ = await client?.call("deleteSkill", "<skillName>Sales</skillName>")
        let before = try #require(await client?.emulator.users())
        let newID = try #require(before.first { $0.userName == "new@x" }?.id)
        #expect(try folder.contents("journal.jsonl").split(separator: "\n").count == 6)
        client = nil  // no close: the journal alone must carry the changes

        let reopened = try open(folder, seed: #"{"vendor": {"skills": [{"name": "Ignored"}]}}"#)
        #expect(await reopened.emulator.users() == before)
        #expect(await reopened.emulator.skills().map(\.name) == ["Billing", "Spanish"])
        #expect(await reopened.emulator.agentGroups().map(\.name) == ["Renamed"])
        #expect(await reopened.emulator.user("new@x")?.agentGroups == ["Renamed"])
        #expect(await reopened.emulator.user("ana@acme.example")?.skills == [:])
        let next = await reopened.call("createUser", createUserBody("later@x"))
        #expect(Int64(next.returns.first?.child("generalInfo")?["id"] ?? "") == newID + 1)
    }

    @Test func closeCompactsIntoTheSnapshotWithoutPasswords() async throws {
        let folder = try TemporaryFolder()
        let client = try open(folder)
        _ = await client.call("createUser", createUserBody("new@x", password: "S3cret-Passw0rd"))
        try await client.emulator.close()
        #expect(try folder.contents("journal.jsonl").isEmpty)
        let snapshot = try folder.contents("state.json")
        #expect(snapshot.contains("new@x"))
        #expect(!snapshot.contains("S3cret"))
        #expect(await client.call("getSkills").status == 503)
        let reopened = try open(folder)
        #expect(await reopened.emulator.user("new@x") != nil)
    }

    @Test func aSecondEmulatorCannotOpenAFolderInUse() async throws {
        let folder = try TemporaryFolder()
        let first = try open(folder)
        #expect(throws: SCIMEmulatorError.self) { try open(folder) }
        try await first.emulator.close()
        _ = try open(folder)
    }

    @Test func aTornLastJournalLineIsDropped() async throws {
        let folder = try TemporaryFolder()
        var client: Five9TestClient? = try open(folder)
        _ = await client?.call("createSkill", "<skillInfo><skill><name>Kept</name></skill></skillInfo>")
        client = nil
        let journal = folder.state.appendingPathComponent("journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"ids":{"#.utf8))
        try handle.close()
        let reopened = try open(folder)
        #expect(await reopened.emulator.skills().map(\.name) == ["Sales", "Billing", "Kept"])
    }

    @Test(arguments: [
        (#"{"users": [{"userName": "x"}]}"#, "under \"vendor\""),
        (#"{"vendor": {"colour": "red"}}"#, "unknown vendor field 'colour'"),
        (#"{"vendor": {"users": [{"userName": "a"}]}}"#, "vendor.users[0].roles: a user needs at least one role"),
        (#"{"vendor": {"users": [{"userName": "a", "roles": ["pilot"]}]}}"#, "vendor.users[0].roles[0]"),
        (
            #"{"vendor": {"users": [{"userName": "a", "roles": ["agent"], "skills": {"X": 1}}]}}"#,
            "skill 'X' is not in vendor.skills"
        ),
        (
            #"{"vendor": {"skills": [{"name": "X"}], "users": [{"userName": "a", "roles": ["agent"], "skills": {"X": 11}}]}}"#,
            "from 1 to 10"
        ),
        (
            #"{"vendor": {"users": [{"userName": "a", "roles": ["agent"]}, {"userName": "a", "roles": ["agent"]}]}}"#,
            "listed twice"
        ),
        (
            #"{"vendor": {"users": [{"userName": "a", "roles": ["reporting"]}], "agentGroups": [{"name": "G", "agents": ["a"]}]}}"#,
            "has no required role"
        ),
        (#"{"vendor": {"agentGroups": [{"name": "G", "agents": ["ghost"]}]}}"#, "\"ghost\" doesn't exist"),
        (#"{"vendor": {"limits": {"query": {"perMinute": 0}}}}"#, "vendor.limits.query.perMinute"),
        (#"{"vendor": {"limits": {"scope": "galaxy"}}}"#, "vendor.limits.scope"),
        (#"{"vendor": {"timeZone": "Mars/Olympus"}}"#, "vendor.timeZone"),
        (#"{"vendor": {"admins": []}}"#, "vendor.admins"),
        (
            #"{"vendor": {"users": [{"userName": "a", "roles": {"agent": {"permissions": ["Fly"]}}}]}}"#,
            "'Fly' is not a agent permission"
        ),
    ])
    func badSeedsNameEveryProblem(seed: String, problem: String) throws {
        do {
            _ = try VendorEmulators.five9(seed: VendorSeed(json: Data(seed.utf8)))
            Issue.record("the seed was accepted")
        } catch {
            #expect(error.kind == .invalidSeed)
            #expect(error.description.contains(problem), "\(error.description)")
        }
    }

    @Test func seedCredentialsTokenAndAdminAreUsed() async throws {
        let seed = #"""
            {"options": {"token": "from-options"},
             "vendor": {"admins": [{"userName": "api", "password": "pw"}], "domainName": "Acme"}}
            """#
        let emulator = try VendorEmulators.five9(seed: VendorSeed(json: Data(seed.utf8)))
        #expect(emulator.adminUserName == "api")
        #expect(emulator.adminPassword == "pw")
        #expect(emulator.scimToken == "from-options")
        let client = Five9TestClient(emulator, user: "api", password: "pw")
        #expect(await client.call("getVCCConfiguration").returns.first?["domainName"] == "Acme")
        #expect(await client.with(user: "admin", password: "admin-password").call("getSkills").status == 401)
        let defaults = try VendorEmulators.five9()
        #expect(defaults.adminUserName == "admin")
        #expect(defaults.adminPassword == "admin-password")
        #expect(defaults.scimToken == "five9-scim-token")
    }
}
