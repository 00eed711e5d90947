import RosterManifest
import RosterModel
import Testing

/// One expected attribute of one user in `Fixtures/valid/merge.yaml`'s desired state.
struct AttributeCase: Sendable, CustomTestStringConvertible {
    var provider: String
    var userName: String
    var attribute: String
    var expected: AttributeValue?
    var why: String

    var testDescription: String { "\(provider) \(userName) \(attribute): \(why)" }

    static let all = [
        AttributeCase(
            provider: "five9", userName: "jdoe", attribute: Attribute.roles, expected: .list(["agent", "supervisor"]),
            why: "profile roles are a union"),
        AttributeCase(
            provider: "five9", userName: "jdoe", attribute: Attribute.skills,
            expected: .levels(["Sales": 2, "Billing": 1, "Spanish": 1]),
            why: "skills merge by key: later profile, then the person's own account, wins"),
        AttributeCase(
            provider: "genesys", userName: "jane.doe@acme.example", attribute: Attribute.division,
            expected: .string("Escalation"), why: "scalars: the later profile wins"),
        AttributeCase(
            provider: "genesys", userName: "jane.doe@acme.example", attribute: Attribute.languages,
            expected: .levels(["English": 5, "French": 2]), why: "languages merge by key"),
        AttributeCase(
            provider: "x8", userName: "jd", attribute: Attribute.site, expected: .string("Boston"),
            why: "8x8 site from the own account"),
        AttributeCase(
            provider: "five9", userName: "jdoe", attribute: Attribute.displayName, expected: .string("Jane Doe"),
            why: "displayName defaults to given + family"),
        AttributeCase(
            provider: "corp", userName: "boss@acme.example", attribute: Attribute.displayName,
            expected: .string("The Boss"), why: "an explicit displayName"),
        AttributeCase(
            provider: "five9", userName: "jdoe", attribute: Attribute.manager, expected: .string("boss@acme.example"),
            why: "manager: the manager's userName on the same provider"),
        AttributeCase(
            provider: "genesys", userName: "sam@acme.example", attribute: Attribute.manager, expected: nil,
            why: "manager omitted where the manager has no account"),
        AttributeCase(
            provider: "five9", userName: "jdoe", attribute: Attribute.phone, expected: .string("+15555550100"),
            why: "person attributes on every account"),
        AttributeCase(
            provider: "five9", userName: "jdoe", attribute: Attribute.department, expected: nil,
            why: "unset attributes are absent"),
        AttributeCase(
            provider: "corp", userName: "boss@acme.example", attribute: Attribute.roles, expected: .list(["owner"]),
            why: "scim roles"),
    ]
}

@Suite("Valid manifests map to the desired state")
struct ValidFixtureTests {
    static func load() throws -> (ManifestLoadResult, DesiredState) {
        let result = ManifestLoader().load(path: TestPaths.fixture("valid/merge.yaml"))
        #expect(result.diagnostics == [])
        return (result, try #require(result.desired))
    }

    static func user(_ desired: DesiredState, _ provider: String, _ userName: String) throws -> User {
        try #require(desired.resources[provider]?.users.first { $0.key == userName.lowercased() })
    }

    @Test("attributes after profile merge and account overrides", arguments: AttributeCase.all)
    func attribute(_ attributeCase: AttributeCase) throws {
        let (_, desired) = try Self.load()
        let user = try Self.user(desired, attributeCase.provider, attributeCase.userName)
        #expect(user.attributes[attributeCase.attribute] == attributeCase.expected)
    }

    @Test("userName overrides, active overrides and the person map")
    func identities() throws {
        let (result, desired) = try Self.load()
        #expect(desired.resources["five9"]?.users.map(\.userName) == ["boss@acme.example", "JDOE"])
        #expect(try Self.user(desired, "x8", "jd").active == false)
        #expect(try Self.user(desired, "five9", "boss@acme.example").active == true)
        #expect(try Self.user(desired, "corp", "boss@acme.example").active == false)
        #expect(try Self.user(desired, "genesys", "jane.doe@acme.example").active == false)
        #expect(try Self.user(desired, "five9", "JDOE").externalId == nil)
        #expect(try Self.user(desired, "five9", "JDOE").origin?.line == 31)
        #expect(
            result.people["Jane.Doe@acme.example"]
                == ["five9": "JDOE", "genesys": "Jane.Doe@acme.example", "x8": "jd"])
        #expect(result.files == [TestPaths.fixture("valid/merge.yaml")])
    }

    @Test("group membership is members ∪ accounts listing the group, by userName on the provider")
    func membership() throws {
        let (_, desired) = try Self.load()
        #expect(desired.resources["five9"]?.groups.map(\.members) == [["boss@acme.example", "jdoe"]])
        #expect(desired.resources["corp"]?.groups.map(\.members) == [["boss@acme.example", "sam@acme.example"]])
        #expect(desired.resources["genesys"]?.groups == [])
        #expect(desired.resources["five9"]?.groups.first?.origin?.line == 59)
    }

    @Test("skills are declared per provider")
    func skills() throws {
        let (_, desired) = try Self.load()
        let skills = try #require(desired.resources["five9"]?.skills)
        #expect(skills.map(\.name) == ["Billing", "Sales", "Spanish"])
        #expect(skills.first?.description == "Money matters")
        #expect(desired.resources["genesys"]?.skills.map(\.name) == ["Support"])
    }

    @Test("policy: defaults, then top level, then the provider's own, field by field")
    func policy() throws {
        let (_, desired) = try Self.load()
        let five9 = try #require(desired.provider(named: "five9")?.policy)
        #expect(five9.prune == .all)
        #expect(five9.deprovision == .delete)
        #expect(five9.protect == ["root@acme.example"])
        #expect(five9.limits == SafetyLimits(deprovisionShare: 0.5, maxDeletes: 3))
        #expect(five9.adopt)
        let corp = try #require(desired.provider(named: "corp")?.policy)
        #expect(corp == ProviderPolicy(prune: .none, protect: [], limits: SafetyLimits(maxDeletes: 3)))
        let genesys = try #require(desired.provider(named: "genesys")?.policy)
        #expect(
            genesys == ProviderPolicy(prune: .all, protect: ["root@acme.example"], limits: SafetyLimits(maxDeletes: 3)))
    }

    @Test("provider configuration: endpoint, settings, credentials, pace")
    func providers() throws {
        let (_, desired) = try Self.load()
        #expect(desired.providers.map(\.name) == ["corp", "five9", "genesys", "x8"])
        let corp = try #require(desired.provider(named: "corp"))
        #expect(corp.endpoint == "https://scim.acme.example/v2")
        #expect(corp.credentials == ["token": .env("CORP_TOKEN")])
        #expect(corp.pace == Pace(requestsPerSecond: 2.5, concurrency: 1))
        #expect(corp.origin?.line == 14)
        let five9 = try #require(desired.provider(named: "five9"))
        #expect(five9.settings == ["lifecycle": "scim", "scimSSOReady": "true"])
        #expect(five9.usesEmbeddedEmulator)
        #expect(five9.credentials == [:])
    }
}
