import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport
import Testing

/// Managers by id: reads map a manager's SCIM id to their userName, writes map the userName back to the id.
///
/// Run against the Genesys and Webex emulators, which refuse a manager id that names no user.
@Suite("SCIM provider: manager by id")
struct SCIMManagerTests {
    static let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    static let seedJSON = """
        {"vendor": {"roles": ["employee"]},
         "users": [
           {"id": "u-boss", "userName": "Boss@acme.example", "displayName": "Boss"},
           {"id": "u-carl", "userName": "carl@acme.example", "displayName": "Carl"},
           {"id": "u-ana", "userName": "ana@acme.example", "displayName": "Ana",
            "\(enterprise)": {"manager": {"value": "u-boss"}}}]}
        """

    /// A Genesys provider on an emulator seeded with Boss, Carl and Ana (managed by Boss), every request logged.
    static func genesys() throws -> (SCIMProvider, RequestLog) {
        let emulator = try VendorEmulators.genesys(seed: seed(seedJSON))
        let log = RequestLog(emulator.api)
        let provider = vendorProvider(
            "genesys", dialect: .genesys, api: log, pathPrefix: "/api/v2/scim/v2",
            tokens: oauthTokens("genesys", login: emulator.login))
        return (provider, log)
    }

    static func person(_ name: String, manager: String? = nil) -> User {
        var attributes: AttributeMap = [Attribute.displayName: .string(name)]
        attributes[Attribute.manager] = manager.map(AttributeValue.string)
        return User(userName: "\(name)@acme.example", attributes: attributes)
    }

    static func manager(_ name: String, in live: LiveResources) -> AttributeValue? {
        live.users.first { $0.value.key == "\(name)@acme.example" }?.value.attributes[Attribute.manager]
    }

    static func managerChange(_ user: User, from: String?, to: String) -> [AttributeChange] {
        [AttributeChange(name: Attribute.manager, before: from.map(AttributeValue.string), after: .string(to))]
    }

    @Test func fetchReadsTheManagersIdAsTheirUserName() async throws {
        let (provider, _) = try Self.genesys()
        let live = try await provider.fetch()
        #expect(Self.manager("ana", in: live) == .string("Boss@acme.example"))
        #expect(Self.manager("boss", in: live) == nil)
    }

    /// A plan reads without keeping write records; managers must still come out exactly as a full read names them.
    @Test func aReadForPlanningReadsWhatAFullReadReads() async throws {
        let (provider, _) = try Self.genesys()
        let planning = try await provider.fetchForPlanning()
        #expect(Self.manager("ana", in: planning) == .string("Boss@acme.example"))
        #expect(try await provider.fetch() == planning)
    }

    @Test func aManagerWhoNoLongerExistsReadsAsNoManager() async throws {
        // The generic emulator, like RFC 7643, does not check the id; Genesys and Webex would refuse it.
        let seed =
            #"{"users": [{"id": "u-ana", "userName": "ana@acme.example", "\#(Self.enterprise)": {"manager": {"value": "u-gone"}}}]}"#
        let emulator = try SCIMEmulator(seed: SCIMSeed(json: Data(seed.utf8)))
        let log = RequestLog(emulator)
        let provider = vendorProvider("corp", dialect: .generic, api: log, pathPrefix: "")
        #expect(Self.manager("ana", in: try await provider.fetch()) == nil)
        // A single read looks the unknown id up once, and reads no manager either.
        let fresh = vendorProvider("corp", dialect: .generic, api: log, pathPrefix: "")
        log.clear()
        let ana = Self.person("ana")
        let step = updateStep("corp", ana, Self.managerChange(ana, from: nil, to: "boss@acme.example"), method: "PATCH")
        #expect(try await fresh.isApplied(step) == false)
        #expect(log.all.contains { $0.method == .get && $0.path == "/Users/u-gone" })
    }

    @Test func aSingleUserReadLooksUpAManagerItHasNotSeen() async throws {
        let (provider, log) = try Self.genesys()
        let ana = Self.person("ana", manager: "boss@acme.example")
        let step = updateStep(
            "genesys", ana, Self.managerChange(ana, from: nil, to: "boss@acme.example"), method: "PATCH")
        #expect(try await provider.isApplied(step))
        #expect(log.all.contains { $0.method == .get && $0.path.hasSuffix("/Users/u-boss") })
    }

    @Test func aCreateSendsTheIdOfAManagerCreatedEarlierInTheSameApply() async throws {
        let (provider, log) = try Self.genesys()
        _ = try await provider.fetch()
        try await provider.apply(createStep("genesys", Self.person("dana")))
        try await provider.apply(createStep("genesys", Self.person("eve", manager: "Dana@acme.example")))
        let live = try await provider.fetch()
        let dana = try #require(live.users.first { $0.value.key == "dana@acme.example" })
        let post = try #require(log.all.last { $0.method == .post })
        #expect(post.body.contains(#""manager":{"value":"\#(dana.id)"}"#), "\(post.body)")
        #expect(Self.manager("eve", in: live) == .string("dana@acme.example"))
    }

    @Test func aManagerChangeIsAPatchWithTheNewManagersId() async throws {
        let (provider, log) = try Self.genesys()
        _ = try await provider.fetch()
        let ana = Self.person("ana", manager: "carl@acme.example")
        let changes = Self.managerChange(ana, from: "Boss@acme.example", to: "carl@acme.example")
        try await provider.apply(updateStep("genesys", ana, changes, method: "PATCH"))
        let patch = try #require(log.all.last { $0.method == .patch })
        #expect(patch.path.hasSuffix("/Users/u-ana"))
        #expect(patch.body.contains(#""path":"\#(Self.enterprise):manager""#), "\(patch.body)")
        #expect(patch.body.contains(#""value":{"value":"u-carl"}"#), "\(patch.body)")
        #expect(Self.manager("ana", in: try await provider.fetch()) == .string("carl@acme.example"))
    }

    @Test func aManagerChangeThroughGetAndPutSendsTheId() async throws {
        let (provider, log) = try Self.genesys()
        _ = try await provider.fetch()
        let ana = Self.person("ana", manager: "carl@acme.example")
        let changes = Self.managerChange(ana, from: "Boss@acme.example", to: "carl@acme.example")
        try await provider.apply(updateStep("genesys", ana, changes, method: "GET+PUT"))
        let put = try #require(log.all.last { $0.method == .put })
        #expect(put.body.contains(#""manager":{"value":"u-carl"}"#), "\(put.body)")
        #expect(Self.manager("ana", in: try await provider.fetch()) == .string("carl@acme.example"))
    }

    @Test func aPutThatDoesNotChangeTheManagerKeepsIt() async throws {
        let (provider, _) = try Self.genesys()
        _ = try await provider.fetch()
        var ana = Self.person("ana")
        ana.attributes[Attribute.title] = .string("Lead")
        let changes = [AttributeChange(name: Attribute.title, before: nil, after: .string("Lead"))]
        try await provider.apply(updateStep("genesys", ana, changes, method: "GET+PUT"))
        #expect(Self.manager("ana", in: try await provider.fetch()) == .string("Boss@acme.example"))
    }

    @Test func aManagerThatCannotBeResolvedFailsTheStepNamingIt() async throws {
        let (provider, log) = try Self.genesys()
        _ = try await provider.fetch()
        let step = createStep("genesys", Self.person("eve", manager: "ghost@acme.example"))
        let error = await #expect(throws: ProviderError.self) { try await provider.apply(step) }
        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("manager 'ghost@acme.example' of 'eve@acme.example' is not on genesys") == true)
        #expect(!log.all.contains { $0.method == .post })
    }

    @Test func aManagerMissingFromTheCacheIsLookedUpByUserName() async throws {
        // A saved-plan apply reads only the objects its steps touch, so the manager may not be known yet.
        let (provider, log) = try Self.genesys()
        try await provider.apply(createStep("genesys", Self.person("eve", manager: "carl@acme.example")))
        #expect(log.all.contains { $0.method == .get && $0.path.contains(#"userName eq "carl@acme.example""#) })
        #expect(Self.manager("eve", in: try await provider.fetch()) == .string("carl@acme.example"))
    }

    @Test func webexBulkCreatesSendTheManagersIdAndTheReadBackAgrees() async throws {
        let emulator = try VendorEmulators.webex(seed: seed("{}"))
        let log = RequestLog(emulator)
        let provider = vendorProvider(
            "webex", dialect: .webex, api: log, pathPrefix: "/identity/scim/\(VendorEmulators.defaultWebexOrgID)/v2")
        _ = try await provider.fetch()
        try await provider.apply(createStep("webex", Self.person("nora")))
        try await provider.apply(createStep("webex", Self.person("sam", manager: "nora@acme.example")))
        let sam = try #require(log.all.last { $0.method == .post && $0.path.hasSuffix("/Bulk") })
        let live = try await provider.fetch()
        let nora = try #require(live.users.first { $0.value.key == "nora@acme.example" })
        #expect(sam.body.contains(#""manager":{"value":"\#(nora.id)"}"#), "\(sam.body)")
        #expect(Self.manager("sam", in: live) == .string("nora@acme.example"))
    }

    @Test(arguments: [
        ("generic", SCIMDialect.generic, true), ("genesys", .genesys, true), ("webex", .webex, true),
        ("talkdesk", .talkdesk, false), ("8x8", .eightByEight, false),
    ])
    func onlyDialectsWithTheEnterpriseManagerDiffAndSendIt(name: String, dialect: SCIMDialect, held: Bool) {
        #expect(dialect.capabilities.attributes.contains(Attribute.manager) == held, "\(name)")
        #expect(dialect.mapping.managedAttributes.contains(Attribute.manager) == held, "\(name)")
    }
}

@Suite("SCIM user mapping: manager")
struct SCIMUserMappingManagerTests {
    static let enterprise = SCIMSchema.enterprise
    static let ana = User(userName: "ana", attributes: [Attribute.manager: .string("boss")])

    @Test func theManagerIsWrittenOnlyAsAnId() {
        let mapping = SCIMUserMapping()
        let base = JSONValue.object([Self.enterprise: .object(["manager": .object(["value": .string("u-old")])])])
        #expect(SCIMUserMapping.managerID(in: mapping.json(for: Self.ana, over: base)) == "u-old")
        #expect(SCIMUserMapping.managerID(in: mapping.json(for: Self.ana, over: base, managerID: "u-boss")) == "u-boss")
        #expect(mapping.json(for: Self.ana)[Self.enterprise] == nil)
    }

    @Test func theManagerIdIsReadFromAnObjectOrAString() {
        let object = JSONValue.object([Self.enterprise: .object(["manager": .object(["value": .string("u1")])])])
        let string = JSONValue.object([Self.enterprise: .object(["manager": .string("u2")])])
        let empty = JSONValue.object([Self.enterprise: .object(["manager": .object(["value": .string("")])])])
        #expect(SCIMUserMapping.managerID(in: object) == "u1")
        #expect(SCIMUserMapping.managerID(in: string) == "u2")
        #expect(SCIMUserMapping.managerID(in: empty) == nil)
    }

    @Test func aManagerChangeIsAReplaceOfTheComplexAttribute() {
        let change = AttributeChange(name: Attribute.manager, before: nil, after: .string("boss"))
        let operations = SCIMUserMapping().operations(
            for: [change], user: Self.ana, live: .object([:]), managerID: "u-boss")
        #expect(
            operations == [
                PatchOperation(
                    .replace, path: "\(Self.enterprise):manager", value: .object(["value": .string("u-boss")]))
            ])
    }
}
