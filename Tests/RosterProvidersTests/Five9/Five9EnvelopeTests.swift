import Clocks
import Foundation
import HTTPTypes
import RosterModel
import RosterProviders
import Testing

/// A client over a scripted transport, with no waiting.
func five9Client(
    _ transport: any HTTPTransport, limits: Five9CallLimits = .documented, spacing: Duration = .zero,
    retry: RetryPolicy = RetryPolicy(baseDelay: .zero), clock: any Clock<Duration> = ImmediateClock()
) -> Five9SOAPClient {
    Five9SOAPClient(
        provider: "five9", endpoint: Five9Endpoint(authority: "api.five9.test"), transport: transport,
        username: Credential("api-admin"), password: Credential("pa55&<word>"),
        budget: Five9CallBudget(limits: limits, userSkillSpacing: spacing, clock: clock), retry: retry, clock: clock)
}

@Suite("Five9 SOAP envelopes")
struct Five9EnvelopeTests {
    static let prefix =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ser=\"http://service.admin.ws.five9.com/\"><soapenv:Header/><soapenv:Body>"
    static let suffix = "</soapenv:Body></soapenv:Envelope>"

    @Test func postsToTheVersionedPathWithBasicAuthAndAnEmptySOAPAction() async throws {
        let transport = SOAPScript { _ in soapResponse("getSkills") }
        _ = try await five9Client(transport).skills()
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/wsadmin/v13/AdminWebService")
        #expect(request.headers[.authorization] == "Basic " + Data("api-admin:pa55&<word>".utf8).base64EncodedString())
        #expect(request.headers[HTTPField.Name("SOAPAction")!] == "\"\"")
        #expect(request.headers[.contentType] == "text/xml;charset=UTF-8")
        #expect(request.body.hasPrefix("<?xml"))
    }

    @Test func createUserSendsGeneralInfoAndRolesInWSDLOrder() async throws {
        let transport = SOAPScript { _ in soapResponse("createUser", userReturn("ana@acme.example")) }
        let user = User(
            userName: "ana@acme.example", externalId: "roster:ana@acme.example",
            attributes: [
                Attribute.givenName: .string("Ana"), Attribute.familyName: .string("Lima & Sons"),
                Attribute.email: .string("ana@acme.example"), Attribute.locale: .string("en-US"),
                Attribute.roles: .list(["supervisor", "agent"]),
            ])
        let provider = Five9Provider(
            name: "five9", soap: five9Client(transport), initialPassword: Credential("Init1al<Pass>"))
        try await provider.apply(PlanStep(address: .user("five9", user.key), action: .create, reason: "t", user: user))
        let expected =
            Self.prefix + "<ser:createUser><userInfo><generalInfo><active>true</active><EMail>ana@acme.example</EMail>"
            + "<firstName>Ana</firstName><lastName>Lima &amp; Sons</lastName><locale>en-US</locale>"
            + "<mustChangePassword>true</mustChangePassword><osLogin>roster:ana@acme.example</osLogin>"
            + "<password>Init1al&lt;Pass&gt;</password><userName>ana@acme.example</userName></generalInfo>"
            + "<roles><agent><alwaysRecorded>false</alwaysRecorded><attachVmToEmail>false</attachVmToEmail>"
            + "<sendEmailOnVm>false</sendEmailOnVm></agent><supervisor /></roles></userInfo></ser:createUser>"
            + Self.suffix
        #expect(transport.requests.map(\.body) == [expected])
    }

    @Test func passwordsPrintAsStars() {
        let password = Five9Wire.Password(Credential("Init1al<Pass>"))
        #expect("\(password)" == "***")
        var general = Five9Wire.UserGeneralInfo(userName: "ana")
        general.password = password
        #expect(!"\(general)".contains("Init1al"))
        #expect(!String(reflecting: general).contains("Init1al"))
    }

    @Test func exactNameLookupsEscapeRegexMetacharacters() async throws {
        let transport = SOAPScript { _ in soapResponse("getUsersInfo") }
        #expect(try await five9Client(transport).user(named: "a.b+c(1)@x.com") == nil)
        #expect(
            transport.requests.first?.body
                == Self.prefix
                + "<ser:getUsersInfo><userNamePattern>a\\.b\\+c\\(1\\)@x\\.com</userNamePattern></ser:getUsersInfo>"
                + Self.suffix)
        #expect(Five9SOAPClient.exactPattern("x[y]{2}^$|?*\\") == "x\\[y\\]\\{2\\}\\^\\$\\|\\?\\*\\\\")
    }

    @Test func modifyUserSendsWhatItReadMinusDerivedFieldsWithRoleDeltas() async throws {
        let live = userReturn("ana@acme.example", roles: ["agent", "reporting"])
        let transport = SOAPScript { request in
            switch request.operation {
            case "getUsersInfo", "modifyUser": soapResponse(request.operation, live)
            default: soapResponse(request.operation)
            }
        }
        let provider = Five9Provider(name: "five9", soap: five9Client(transport))
        _ = try await provider.fetch()
        let step = PlanStep(
            address: .user("five9", "ana@acme.example"), action: .update,
            changes: [
                AttributeChange(name: Attribute.familyName, before: .string("Lima"), after: .string("Silva")),
                AttributeChange(
                    name: Attribute.roles, before: .list(["agent", "reporting"]), after: .list(["admin", "agent"])),
            ], reason: "t")
        try await provider.apply(step)
        let modify = try #require(transport.requests.first { $0.operation == "modifyUser" })
        #expect(
            modify.body
                == Self.prefix + "<ser:modifyUser><userGeneralInfo><active>true</active><EMail>ana@acme.example</EMail>"
                + "<firstName>Ana</firstName><id>42</id><lastName>Silva</lastName><userName>ana@acme.example</userName>"
                + "</userGeneralInfo><rolesToSet><admin /></rolesToSet><rolesToRemove>Reporting</rolesToRemove>"
                + "</ser:modifyUser>" + Self.suffix)
    }

    @Test func skillAndGroupOperationsUseTheNotesElementNames() async throws {
        let group =
            "<return><agents>ana@acme.example</agents><description>First line</description><id>1507</id><name>Tier1</name></return>"
        let transport = SOAPScript { request in
            switch request.operation {
            case "getAgentGroups": soapResponse("getAgentGroups", group)
            case "getUsersInfo": soapResponse("getUsersInfo", userReturn("bo@acme.example"))
            default: soapResponse(request.operation)
            }
        }
        let provider = Five9Provider(name: "five9", soap: five9Client(transport))
        _ = try await provider.fetch()
        try await provider.apply(
            PlanStep(address: .membership("five9", group: "Tier1", user: "bo@acme.example"), action: .add, reason: "t"))
        try await provider.apply(
            PlanStep(
                address: .userSkill("five9", user: "bo@acme.example", skill: "Sales"), action: .remove, reason: "t",
                level: 4))
        try await provider.apply(PlanStep(address: .skill("five9", "Sales & Care"), action: .create, reason: "t"))
        let bodies = transport.requests.dropFirst(3).map {
            $0.body.replacingOccurrences(of: Self.prefix, with: "").replacingOccurrences(of: Self.suffix, with: "")
        }
        #expect(
            bodies == [
                "<ser:modifyAgentGroup><group><agents>ana@acme.example</agents><description>First line</description>"
                    + "<id>1507</id><name>Tier1</name></group><addAgents>bo@acme.example</addAgents></ser:modifyAgentGroup>",
                "<ser:userSkillRemove><userSkill><level>4</level><skillName>Sales</skillName>"
                    + "<userName>bo@acme.example</userName></userSkill></ser:userSkillRemove>",
                "<ser:createSkill><skillInfo><skill><name>Sales &amp; Care</name></skill></skillInfo></ser:createSkill>",
            ])
    }

    @Test func fetchReadsUsersSkillsAndGroupsWithPatternsForAll() async throws {
        let transport = SOAPScript { request in
            switch request.operation {
            case "getUsersInfo":
                soapResponse(
                    "getUsersInfo",
                    userReturn(
                        "Ana@Acme.example", active: false, marker: "roster:ana@acme.example",
                        roles: ["agent", "admin"],
                        skills: [("Sales", 2)], groups: ["Tier1"]) + userReturn("bo@acme.example", roles: []))
            case "getSkills":
                soapResponse(
                    "getSkills", "<return><id>7</id><name>Sales</name><routeVoiceMails>false</routeVoiceMails></return>"
                )
            default:
                soapResponse(
                    "getAgentGroups", "<return><agents>Ana@Acme.example</agents><id>1</id><name>Tier1</name></return>")
            }
        }
        let live = try await Five9Provider(name: "five9", soap: five9Client(transport)).fetch()
        #expect(transport.requests.map { $0.body.contains("Pattern>.*</") } == [true, true, true])
        let ana = try #require(live.users.first { $0.id == "Ana@Acme.example" })
        #expect(ana.value.key == "ana@acme.example")
        #expect(ana.value.active == false)
        #expect(ana.value.externalId == "roster:ana@acme.example")
        #expect(ana.value.roles == ["admin", "agent"])
        #expect(ana.value.skills == ["Sales": 2])
        #expect(ana.value.attributes[Attribute.givenName] == .string("Ana"))
        #expect(live.users.first { $0.id == "bo@acme.example" }?.value.roles == [])
        #expect(live.skills.map(\.value.name) == ["Sales"])
        #expect(live.groups.first?.value.members == ["ana@acme.example"])
        #expect(live.catalog["roles"] == ["admin", "agent", "reporting", "supervisor"])
    }
}

@Suite("Five9 endpoint")
struct Five9EndpointTests {
    @Test(arguments: [
        ("https://api.five9.com", "https://api.five9.com/wsadmin/v13/AdminWebService"),
        ("https://api.five9.eu/wsadmin/v12/AdminWebService", "https://api.five9.eu/wsadmin/v12/AdminWebService"),
        ("http://127.0.0.1:8089/five9", "http://127.0.0.1:8089/five9/wsadmin/v13/AdminWebService"),
        ("https://proxy.example/five9/wsadmin/v13/", "https://proxy.example/five9/wsadmin/v13/AdminWebService"),
    ])
    func aPathBeforeWsadminIsKeptAsAPrefix(_ url: String, _ expected: String) throws {
        #expect(try #require(Five9Endpoint(url: url)).description == expected)
    }
}
