import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Five9 SOAP: users")
struct Five9UserTests {
    @Test func createUserReturnsTheUserWithIDFullNameAndEveryPermission() async throws {
        let client = try Five9TestClient()
        let body = createUserBody(
            "jdoe@example.com",
            roles: "<agent><alwaysRecorded>true</alwaysRecorded><attachVmToEmail>false</attachVmToEmail>"
                + "<permissions><type>ReceiveTransfer</type><value>true</value></permissions>"
                + "<sendEmailOnVm>false</sendEmailOnVm></agent>",
            general: "<EMail>jdoe@example.com</EMail><firstName>Jane</firstName><lastName>Doe</lastName>",
            extra: "<agentGroups>Tier1</agentGroups><skills><level>2</level><skillName>Sales</skillName></skills>")
        let answer = await client.call("createUser", body)
        #expect(answer.status == 200)
        let user = try #require(answer.returns.first)
        #expect(user.children.map(\.name) == ["agentGroups", "generalInfo", "roles", "skills"])
        let general = try #require(user.child("generalInfo"))
        #expect(general["fullName"] == "Jane Doe")
        #expect(general["active"] == "true")
        #expect(general["extension"] == "1000")
        #expect(general["password"] == nil)
        #expect(Int64(general["id"] ?? "") != nil)
        let names = general.children.map(\.name)
        #expect(names == ["active", "EMail", "extension", "firstName", "fullName", "id", "lastName", "userName"])
        let agent = try #require(user.child("roles")?.child("agent"))
        #expect(agent.children.first?.name == "alwaysRecorded")
        #expect(agent.children.last?.name == "sendEmailOnVm")
        let permissions = agent.children("permissions")
        #expect(permissions.count == Five9PermissionCatalog.agent.count)
        #expect(permissions.filter { $0["value"] == "true" }.map { $0["type"] } == ["ReceiveTransfer"])
        #expect(user.child("skills")?["skillName"] == "Sales")
        #expect(user.child("skills")?["id"] == (await client.emulator.skills().first?.id).map { String($0) })
        #expect(await client.emulator.user("jdoe@example.com")?.agentGroups == ["Tier1"])
        #expect(await client.emulator.stats.passwordsSet == 1)
    }

    @Test(arguments: [
        (createUserBody("ana@acme.example"), "UserAlreadyExistsFault"),
        (createUserBody("new@x", roles: ""), "InvalidUserDataFault"),
        (createUserBody("new@x", password: nil), "InvalidAccountFault"),
        (createUserBody("new@x", password: "short"), "InvalidAccountFault"),
        (createUserBody("new@x", general: "<extension>1042</extension>"), "ExtensionAlreadyInUseFault"),
        (createUserBody("new@x", general: "<extension>12a</extension>"), "InvalidUserDataFault"),
        (createUserBody("new@x", general: "<locale>english</locale>"), "LocaleNotFoundFault"),
        (
            createUserBody("new@x", extra: "<skills><level>1</level><skillName>Nope</skillName></skills>"),
            "SkillNotFoundFault"
        ),
        (
            createUserBody("new@x", extra: "<skills><level>11</level><skillName>Sales</skillName></skills>"),
            "IncorrectArgumentFault"
        ),
        (createUserBody("new@x", extra: "<skills><skillName>Sales</skillName></skills>"), "MissedArgumentFault"),
        (createUserBody("new@x", extra: "<agentGroups>Nope</agentGroups>"), "ObjectNotFoundFault"),
        (
            createUserBody("new@x", roles: "<reporting/>", extra: "<agentGroups>Tier1</agentGroups>"),
            "UserHasNoRequiredRoleFault"
        ),
        (
            createUserBody(
                "new@x", roles: "<agent><permissions><type>Fly</type><value>true</value></permissions></agent>"),
            "IncorrectArgumentFault"
        ),
        ("<userInfo><roles><agent/></roles></userInfo>", "MissedArgumentFault"),
        ("", "MissedArgumentFault"),
    ])
    func createUserFaults(body: String, fault: String) async throws {
        let client = try Five9TestClient()
        let before = await client.emulator.users().count
        let answer = await client.call("createUser", body)
        #expect(answer.status == 500)
        #expect(answer.fault == fault)
        #expect(await client.emulator.users().count == before)
        #expect(await client.emulator.stats.faults(fault) == 1)
    }

    @Test func duplicateUserFaultNamesTheUser() async throws {
        let answer = try await Five9TestClient().call("createUser", createUserBody("ana@acme.example"))
        #expect(answer.faultString == #"User "ana@acme.example" already exists."#)
        #expect(answer.faultDetail?.children.map(\.name) == ["message", "userName"])
        #expect(answer.faultDetail?["userName"] == "ana@acme.example")
    }

    @Test func modifyUserChangesOnlyTheFieldsSent() async throws {
        let client = try Five9TestClient()
        let answer = await client.call(
            "modifyUser",
            "<userGeneralInfo><active>false</active><lastName>López</lastName><userName>ana@acme.example</userName>"
                + "</userGeneralInfo>")
        let general = try #require(answer.returns.first?.child("generalInfo"))
        #expect(general["active"] == "false")
        #expect(general["fullName"] == "Ana López")
        #expect(general["EMail"] == "ana@acme.example")
        #expect(general["extension"] == "1042")
        let stored = try #require(await client.emulator.user("ana@acme.example"))
        #expect(!stored.active)
        #expect(stored.skills == ["Sales": 1])
    }

    @Test func rolesToSetMergesPermissionsAndRolesToRemoveDrops() async throws {
        let client = try Five9TestClient()
        let answer = await client.call(
            "modifyUser",
            "<userGeneralInfo><userName>sam@acme.example</userName></userGeneralInfo>"
                + "<rolesToSet><supervisor><permissions><type>CanRunWebClient</type><value>true</value></permissions>"
                + "</supervisor><agent/></rolesToSet><rolesToRemove>Reporting</rolesToRemove>")
        #expect(answer.status == 200)
        let roles = try #require(answer.returns.first?.child("roles"))
        #expect(roles.children.map(\.name) == ["agent", "supervisor"])
        let user = try #require(await client.emulator.user("sam@acme.example"))
        #expect(user.roles.kinds == [.agent, .supervisor])
        #expect(user.roles[.supervisor]?.permissions.granted == ["Agents", "CanRunWebClient"])
    }

    @Test(arguments: [
        (
            "<userGeneralInfo><userName>rita@acme.example</userName></userGeneralInfo><rolesToRemove>Reporting</rolesToRemove>",
            "InvalidUserDataFault"
        ),
        (
            "<userGeneralInfo><userName>ana@acme.example</userName></userGeneralInfo><rolesToSet><reporting/></rolesToSet><rolesToRemove>Agent</rolesToRemove>",
            "UserHasNoRequiredRoleFault"
        ),
        (
            "<userGeneralInfo><userName>ana@acme.example</userName></userGeneralInfo><rolesToRemove>Admin</rolesToRemove>",
            "IncorrectArgumentFault"
        ),
        ("<userGeneralInfo><userName>nobody</userName></userGeneralInfo>", "UserNotFoundFault"),
        ("<userGeneralInfo><firstName>X</firstName></userGeneralInfo>", "MissedArgumentFault"),
        (
            "<userGeneralInfo><extension>1042</extension><userName>sam@acme.example</userName></userGeneralInfo>",
            "ExtensionAlreadyInUseFault"
        ),
        (
            "<userGeneralInfo><password>weak</password><userName>sam@acme.example</userName></userGeneralInfo>",
            "InvalidAccountFault"
        ),
    ])
    func modifyUserFaults(body: String, fault: String) async throws {
        let client = try Five9TestClient()
        let before = await client.emulator.users()
        let answer = await client.call("modifyUser", body)
        #expect(answer.fault == fault)
        #expect(await client.emulator.users() == before)
    }

    @Test func adminRoleIsRemovedAsDomainAdmin() async throws {
        let client = try Five9TestClient()
        _ = await client.call("createUser", createUserBody("boss@x", roles: "<admin/><agent/>"))
        let answer = await client.call(
            "modifyUser",
            "<userGeneralInfo><userName>boss@x</userName></userGeneralInfo><rolesToRemove>DomainAdmin</rolesToRemove>")
        #expect(answer.status == 200)
        #expect(await client.emulator.user("boss@x")?.roles.kinds == [.agent])
    }

    @Test func deleteUserRemovesItsMembershipsAndRefusesReferencedUsers() async throws {
        let seed = #"{"vendor": {"users": [{"userName": "kept", "roles": ["agent"], "inUse": true}]}}"#
        let referenced = try Five9TestClient(seed: seed)
        #expect(await referenced.call("deleteUser", "<userName>kept</userName>").fault == "UserCantBeDeletedFault")
        let client = try Five9TestClient()
        #expect(await client.call("deleteUser", "<userName>ana@acme.example</userName>").status == 200)
        #expect(await client.emulator.user("ana@acme.example") == nil)
        #expect(await client.emulator.agentGroups().first?.members == [])
        #expect(await client.call("deleteUser", "<userName>ana@acme.example</userName>").fault == "UserNotFoundFault")
        #expect(await client.call("deleteUser").fault == "MissedArgumentFault")
    }

    @Test(
        arguments: [
            (nil, ["ana@acme.example", "sam@acme.example", "rita@acme.example"]),
            ("", ["ana@acme.example", "sam@acme.example", "rita@acme.example"]),
            (".*", ["ana@acme.example", "sam@acme.example", "rita@acme.example"]),
            ("ana@acme\\.example", ["ana@acme.example"]),
            ("\\Qana@acme.example\\E", ["ana@acme.example"]),
            ("ana", []),  // whole-name match, not a substring
            ("ANA@acme\\.example", []),  // case-sensitive
            ("s.*", ["sam@acme.example"]),
            (".*[Aa]cme.*", ["ana@acme.example", "sam@acme.example", "rita@acme.example"]),
            ("(ana|rita)@.*", ["ana@acme.example", "rita@acme.example"]),
            ("nobody", []),
        ] as [(String?, [String])])
    func getUsersInfoMatchesWholeNames(pattern: String?, expected: [String]) async throws {
        let answer = try await Five9TestClient().usersInfo(pattern)
        #expect(answer.status == 200)
        #expect(answer.returns.compactMap { $0.child("generalInfo")?["userName"] } == expected)
    }

    @Test func findModeMatchesAnywhere() async throws {
        let seed = #"{"vendor": {"patternMatching": "find", "users": [{"userName": "ana", "roles": ["agent"]}]}}"#
        let answer = try await Five9TestClient(seed: seed).usersInfo("n")
        #expect(answer.returns.count == 1)
    }

    @Test func invalidPatternsAreNamedInTheFault() async throws {
        let answer = try await Five9TestClient().usersInfo("a(b")
        #expect(answer.fault == "InvalidRegexpPatternFault")
        #expect(answer.faultDetail?["pattern"] == "a(b")
        #expect(answer.faultDetail?.children.map(\.name) == ["message", "pattern"])
    }

    @Test func usersInfoListsGroupsSkillsAndRolesOfEachUser() async throws {
        let answer = try await Five9TestClient().usersInfo("ana@acme\\.example")
        let user = try #require(answer.returns.first)
        #expect(user.strings("agentGroups") == ["Tier1"])
        #expect(user.child("skills")?["level"] == "1")
        #expect(user.child("skills")?["userName"] == "ana@acme.example")
        #expect(user.child("roles")?.children.map(\.name) == ["agent"])
    }

    @Test func generalInfoCallsReturnOnlyGeneralInfo() async throws {
        let client = try Five9TestClient()
        let all = await client.call("getUsersGeneralInfo", "<userNamePattern>.*</userNamePattern>")
        #expect(all.returns.count == 3)
        #expect(all.returns.first?.children.contains { $0.name == "roles" } == false)
        #expect(all.returns.first?["userName"] == "ana@acme.example")
        let one = await client.call("getUserGeneralInfo", "<userName>sam@acme.example</userName>")
        #expect(one.returns.first?["fullName"] == "Sam Reed")
        #expect(await client.userInfo("sam@acme.example").returns.first?.child("roles") != nil)
        #expect(await client.userInfo("nobody").fault == "UserNotFoundFault")
    }

    @Test func namesWithMarkupAndNonASCIIRoundTrip() async throws {
        let client = try Five9TestClient()
        let name = "o'brien & <co> Ünïcödé 日本"
        let created = await client.call(
            "createUser", createUserBody(name, general: "<firstName>\(escaped("A&B <x>"))</firstName>"))
        #expect(created.status == 200)
        #expect(created.text.contains("A&amp;B &lt;x&gt;"))
        let general = try #require(created.returns.first?.child("generalInfo"))
        #expect(general["userName"] == name)
        #expect(general["firstName"] == "A&B <x>")
        let found = await client.usersInfo(NSRegularExpression.escapedPattern(for: name))
        #expect(found.returns.first?.child("generalInfo")?["userName"] == name)
        #expect(await client.userInfo(name).status == 200)
    }

    @Test func everyGeneralInfoFieldRoundTripsInWSDLOrder() async throws {
        let client = try Five9TestClient()
        let general =
            "<active>true</active><canChangePassword>false</canChangePassword><EMail>e@x</EMail>"
            + "<extension>0007</extension><federationId>fed@idp</federationId><firstName>F</firstName>"
            + "<IEXScheduled>false</IEXScheduled><lastName>L</lastName><locale>en-US</locale>"
            + "<mediaTypeConfig><mediaTypes><enabled>true</enabled><intlligentRouting>false</intlligentRouting>"
            + "<maxAlowed>3</maxAlowed><type>CHAT</type></mediaTypes></mediaTypeConfig>"
            + "<mustChangePassword>true</mustChangePassword><osLogin>os</osLogin><phoneNumber>555</phoneNumber>"
            + "<startDate>2026-01-01T00:00:00Z</startDate><unifiedCommunicationId>uc</unifiedCommunicationId>"
            + "<userProfileName>Profile</userProfileName>"
        let answer = await client.call("createUser", createUserBody("full@x", general: general))
        let names = try #require(answer.returns.first?.child("generalInfo")).children.map(\.name)
        #expect(
            names == [
                "active", "canChangePassword", "EMail", "extension", "federationId", "firstName", "fullName",
                "IEXScheduled", "id", "lastName", "locale", "mediaTypeConfig", "mustChangePassword", "osLogin",
                "phoneNumber", "startDate", "unifiedCommunicationId", "userName", "userProfileName",
            ])
        let media = answer.returns.first?.child("generalInfo")?.child("mediaTypeConfig")?.child("mediaTypes")
        #expect(media?["maxAlowed"] == "3")
        #expect(media?["intlligentRouting"] == "false")
    }

    @Test func grantedOnlyPermissionListsCanBeChosen() async throws {
        let seed =
            #"{"vendor": {"fullPermissionLists": false, "users": [{"userName": "a", "roles": {"agent": {"permissions": ["CanParkCall"]}}}]}}"#
        let answer = try await Five9TestClient(seed: seed).userInfo("a")
        let agent = try #require(answer.returns.first?.child("roles")?.child("agent"))
        #expect(agent.children("permissions").map { $0["type"] } == ["CanParkCall"])
    }

    @Test func largeDomainsAreListedCompletelyAndInCreationOrder() async throws {
        let users = (0..<5_000).map { #"{"userName": "u\#($0)", "roles": ["agent"]}"# }
        let client = try Five9TestClient(seed: #"{"vendor": {"users": [\#(users.joined(separator: ","))]}}"#)
        let all = await client.call("getUsersGeneralInfo")
        #expect(all.status == 200)
        #expect(all.text.components(separatedBy: "<return>").count - 1 == 5_000)
        #expect(all.returns.last?["userName"] == "u4999")
        let some = await client.call("getUsersGeneralInfo", "<userNamePattern>u49.*</userNamePattern>")
        #expect(some.returns.count == 111)
    }

    @Test func aLargeListingIsWrittenInPiecesAsItIsRead() async throws {
        // About 5 KB per agent with full permission lists: 1,000 agents are several pieces.
        let users = (0..<1_000).map { #"{"userName": "u\#($0)", "roles": ["agent"]}"# }
        let client = try Five9TestClient(seed: #"{"vendor": {"users": [\#(users.joined(separator: ","))]}}"#)
        let response = await client.response("getUsersInfo")
        let pieces = try #require(response.chunks).map(\.count)
        #expect(pieces.count > 3)
        #expect(pieces.dropFirst().dropLast().allSatisfy { $0 <= Five9UsersAnswer.pieceSize + 16_384 })
        let answer = SOAPAnswer(response)
        #expect(answer.returns.count == 1_000)
        #expect(answer.returns.last?.child("generalInfo")?["userName"] == "u999")
        #expect(answer.text.hasSuffix("</ns2:getUsersInfoResponse></env:Body></env:Envelope>"))
    }

    @Test func aListingBeingReadIsASnapshotOfWhenItWasAnswered() async throws {
        let users = (0..<300).map { #"{"userName": "u\#($0)", "roles": ["agent"]}"# }
        let client = try Five9TestClient(seed: #"{"vendor": {"users": [\#(users.joined(separator: ","))]}}"#)
        let response = await client.response("getUsersInfo")
        #expect(await client.call("createUser", createUserBody("late@example.com")).status == 200)
        #expect(await client.call("deleteUser", "<userName>u0</userName>").status == 200)
        let names = SOAPAnswer(response).returns.compactMap { $0.child("generalInfo")?["userName"] }
        #expect(names.count == 300)
        #expect(names.first == "u0")
        #expect(!names.contains("late@example.com"))
    }

    @Test func oneUserOrNoneIsAnsweredWhole() async throws {
        let client = try Five9TestClient()
        #expect(
            await client.response("getUsersInfo", "<userNamePattern>ana@acme\\.example</userNamePattern>").chunks == nil
        )
        let none = await client.response("getUsersInfo", "<userNamePattern>nobody.*</userNamePattern>")
        #expect(none.chunks == nil)
        #expect(String(decoding: none.body, as: UTF8.self).contains("<ns2:getUsersInfoResponse xmlns:ns2="))
        #expect(SOAPAnswer(none).returns.isEmpty)
    }
}

extension XMLNode {
    /// The texts of every child named `name`.
    func strings(_ name: String) -> [String] { children(name).map(\.text) }
}
