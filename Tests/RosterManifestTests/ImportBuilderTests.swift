import Foundation
import RosterManifest
import RosterModel
import RosterTestSupport
import Testing

/// `ImportBuilder` and `ManifestWriter` without a network: live state in, manifests out, loaded back.
@Suite struct ImportBuilderTests {
    static let scimCaps = ProviderCapabilities(
        attributes: [
            Attribute.givenName, Attribute.familyName, Attribute.displayName, Attribute.email, Attribute.title,
            Attribute.roles,
        ])

    static func user(
        _ userName: String, owned: Bool = true, email: String? = nil, title: String? = "Agent", roles: [String] = [],
        active: Bool = true, given: String? = "Given", family: String? = "Family"
    ) -> LiveObject<User> {
        var attributes: AttributeMap = [:]
        if let given { attributes[Attribute.givenName] = .string(given) }
        if let family { attributes[Attribute.familyName] = .string(family) }
        if let given, let family { attributes[Attribute.displayName] = .string("\(given) \(family)") }
        if let email { attributes[Attribute.email] = .string(email) }
        if let title { attributes[Attribute.title] = .string(title) }
        if !roles.isEmpty { attributes[Attribute.roles] = .list(roles) }
        return LiveObject(
            id: "id-\(userName)",
            value: User(
                userName: userName, externalId: owned ? Ownership.marker(for: userName) : nil, active: active,
                attributes: attributes))
    }

    static func build(
        _ providers: [String: [LiveObject<User>]], groups: [String: [LiveObject<Group>]] = [:],
        options: ImportOptions = ImportOptions(), prune: PrunePolicy = .owned
    ) -> ImportedManifest {
        let configs = providers.keys.map {
            ProviderConfig(name: $0, type: .scim, endpoint: "emulator:", policy: ProviderPolicy(prune: prune))
        }
        let live = LiveState(
            providers: providers.mapValues { LiveResources(users: $0) }.merging(
                groups.mapValues { LiveResources(groups: $0) }
            ) { users, groups in LiveResources(users: users.users, groups: groups.groups) })
        return ImportBuilder(options: options).build(
            providers: configs, live: live,
            capabilities: Dictionary(uniqueKeysWithValues: configs.map { ($0.name, scimCaps) }))
    }

    @Test func accountsAreMatchedByUserNameThenEmailNeverTwoOnOneProvider() {
        let manifest = Self.build([
            "a": [
                Self.user("ana@x.example", email: "ana@x.example"),
                Self.user("bo@x.example", email: "shared@x.example"),
            ],
            "b": [
                Self.user("ANA@x.example", email: "ana@x.example"),
                Self.user("cy@x.example", email: "shared@x.example"),
            ],
            "c": [Self.user("alima", email: "ana@x.example")],
        ])
        #expect(manifest.people.map(\.userName) == ["ana@x.example", "bo@x.example"])
        let ana = manifest.people[0]
        #expect(ana.providers == ["a", "b", "c"])
        #expect(ana.accounts["c"]?.userName == "alima")
        #expect(ana.accounts["b"]?.userName == nil, "case differs only")
        let bo = manifest.people[1]
        #expect(bo.providers == ["a", "b"], "bo and cy share an e-mail on different providers")
        #expect(bo.accounts["b"]?.userName == "cy@x.example")
    }

    @Test func accountsWithOneEmailOnOneProviderStayApart() {
        let manifest = Self.build([
            "a": [
                Self.user("one@x.example", email: "desk@x.example"),
                Self.user("two@x.example", email: "desk@x.example"),
            ]
        ])
        #expect(manifest.people.map(\.userName) == ["one@x.example", "two@x.example"])
    }

    @Test func unownedObjectsAreLeftOutUnlessAdoptedOrThePolicyIsPruneAll() {
        let users = ["a": [Self.user("mine@x.example"), Self.user("theirs@x.example", owned: false)]]
        #expect(Self.build(users).people.map(\.userName) == ["mine@x.example"])
        let adopted = Self.build(users, options: ImportOptions(adopt: true))
        #expect(adopted.people.map(\.adoption) == [nil, .requested])
        #expect(Self.build(users, prune: .all).people.map(\.adoption) == [nil, .pruneAll])
    }

    @Test func unownedMembersOfImportedGroupsComeAlong() {
        let group = LiveObject(
            id: "g",
            value: Group(name: "Team", externalId: "roster:team", members: ["mine@x.example", "theirs@x.example"]))
        let other = LiveObject(id: "h", value: Group(name: "Other", members: ["theirs@x.example"]))
        let manifest = Self.build(
            ["a": [Self.user("mine@x.example"), Self.user("theirs@x.example", owned: false)]],
            groups: ["a": [group, other]])
        #expect(manifest.people.map(\.adoption) == [nil, .groupMember])
        #expect(
            manifest.groups == [
                ImportedGroup(name: "Team", on: ["a"], members: ["mine@x.example", "theirs@x.example"])
            ])
        #expect(manifest.notes.contains { $0.code == "import-member-adopted" })
    }

    @Test func identityIsWrittenOnlyWhereProvidersAgree() {
        let manifest = Self.build([
            "a": [Self.user("p@x.example", email: "P@x.example", title: "Agent", given: nil)],
            "b": [Self.user("p@x.example", email: "p@x.example", title: "Lead", given: nil)],
        ])
        let person = manifest.people[0]
        #expect(person.identity["email"] == "P@x.example", "e-mail addresses compare case-insensitively")
        #expect(person.identity["title"] == nil)
        #expect(person.identity["givenName"] == "P", "derived from the userName, with a note")
        #expect(person.identity["displayName"] == nil, "the default, 'P Family'")
        #expect(
            manifest.notes.map(\.code).sorted() == ["import-conflict", "import-name-missing", "import-name-missing"])
        #expect(manifest.notes.contains { $0.message.contains("has no displayName on a, b") })
    }

    @Test func invalidValuesAreLeftOutWithANote() {
        let manifest = Self.build(["a": [Self.user("p@x.example", email: "not-an-address")]])
        #expect(manifest.people[0].identity["email"] == nil)
        #expect(manifest.notes.first?.code == "import-invalid-value")
    }

    @Test func profilesNeedTheThresholdAndAreNamedAfterTheirContent() {
        var users: [LiveObject<User>] = []
        for index in 0..<6 { users.append(Self.user("agent\(index)@x.example", roles: ["agent", "Sales Floor"])) }
        for index in 0..<4 { users.append(Self.user("lead\(index)@x.example", roles: ["lead"])) }
        let manifest = Self.build(["corp": users], options: ImportOptions(profileThreshold: 5))
        #expect(manifest.profiles.map(\.name) == ["corp-agent-sales-floor"])
        #expect(manifest.people.filter { $0.profiles == ["corp-agent-sales-floor"] }.count == 6)
        #expect(
            manifest.people.first { $0.userName == "lead0@x.example" }?.accounts["corp"]?.settings["roles"]
                == .list(["lead"]))
        #expect(Self.build(["corp": users], options: ImportOptions(profileThreshold: 0)).profiles.isEmpty)
    }

    @Test func longAndCollidingProfileNamesStayReadableAndUnique() {
        let roles = (1...12).map { "role-number-\($0)" }
        var users: [LiveObject<User>] = []
        for index in 0..<5 { users.append(Self.user("a\(index)@x.example", roles: roles)) }
        for index in 0..<5 { users.append(Self.user("b\(index)@x.example", roles: roles + ["role-number-99"])) }
        let names = Self.build(["corp": users]).profiles.map(\.name)
        #expect(names.count == 2 && Set(names).count == 2)
        #expect(names.allSatisfy { $0.count < 60 && $0.hasPrefix("corp-role-number-1-") && $0.contains("-more") })
    }

    @Test(arguments: [ImportLayout.provider, .team])
    func everyVendorsSettingsRoundTripThroughWrittenFiles(_ layout: ImportLayout) throws {
        let source = VendorOrg.manifest
        let configs = try #require(ManifestLoader().load(text: source, path: "source/roster.yaml").desired).providers
        let imported = ImportBuilder(options: ImportOptions(profileThreshold: 2, layout: layout)).build(
            providers: configs, live: VendorOrg.live, capabilities: VendorOrg.capabilities)
        #expect(imported.notes.isEmpty, "\(imported.notes.map(\.message))")
        let directory = try temporaryDirectory("roster-import-vendors")
        let files = try ManifestWriter(layout: layout).files(
            imported, providers: configs.map(\.name), sources: ["source/roster.yaml": source], directory: directory)
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let loaded = ManifestLoader().load(path: directory)
        #expect(
            loaded.diagnostics.isEmpty,
            "\(loaded.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" })")
        let desired = try #require(loaded.desired)
        for (provider, resources) in VendorOrg.live.providers {
            let held = VendorOrg.capabilities[provider]?.attributes ?? []
            let wanted = Dictionary(
                uniqueKeysWithValues: (desired.resources[provider]?.users ?? []).map { ($0.key, $0) })
            for user in resources.users {
                let mine = try #require(wanted[user.value.key], "\(provider): \(user.value.userName)")
                #expect(
                    mine.attributes.filter { held.contains($0.key) }
                        == user.value.attributes.filter { held.contains($0.key) }, "\(provider): \(user.value.userName)"
                )
                #expect(mine.active == user.value.active)
            }
            #expect(Set(wanted.keys) == Set(resources.users.map(\.value.key)))
            let groups = Dictionary(
                uniqueKeysWithValues: (desired.resources[provider]?.groups ?? []).map { ($0.name, $0.members) })
            #expect(
                groups == Dictionary(uniqueKeysWithValues: resources.groups.map { ($0.value.name, $0.value.members) }))
        }
    }
}

/// One person or two on every vendor type, with each type's own settings, as the vendor adapters will report them.
enum VendorOrg {
    static let manifest = """
        version: 1
        providers:
          five9: { type: five9, endpoint: "emulator:" }
          genesys: { type: genesys, endpoint: "emulator:" }
          talkdesk: { type: talkdesk, endpoint: "emulator:" }
          x8: { type: 8x8, endpoint: "emulator:" }
          webex: { type: webex, endpoint: "emulator:" }

        """

    static let names: Set<String> = [
        Attribute.givenName, Attribute.familyName, Attribute.displayName, Attribute.email, Attribute.title,
    ]

    static let capabilities: [String: ProviderCapabilities] = [
        "five9": ProviderCapabilities(
            kinds: [.user, .group, .skill, .membership, .userSkill],
            attributes: names.union([Attribute.roles, Attribute.skills]), userSkillsAreSteps: true),
        "genesys": ProviderCapabilities(
            attributes: names.union([Attribute.roles, Attribute.skills, Attribute.languages, Attribute.division])),
        "talkdesk": ProviderCapabilities(kinds: [.user], attributes: names.union([Attribute.roles, Attribute.teams])),
        "x8": ProviderCapabilities(kinds: [.user], attributes: names.union([Attribute.site])),
        "webex": ProviderCapabilities(attributes: names.union([Attribute.roles])),
    ]

    static func person(
        _ userName: String, email: String, _ settings: AttributeMap, active: Bool = true
    ) -> LiveObject<User> {
        var attributes = settings
        attributes[Attribute.givenName] = .string("Maria")
        attributes[Attribute.familyName] = .string("Reyes \(email.prefix(2))")
        attributes[Attribute.displayName] = .string("Maria Reyes \(email.prefix(2))")
        attributes[Attribute.email] = .string(email)
        return LiveObject(
            id: userName,
            value: User(
                userName: userName, externalId: Ownership.marker(for: userName), active: active, attributes: attributes)
        )
    }

    static var live: LiveState {
        LiveState(providers: [
            "five9": LiveResources(
                users: [
                    person(
                        "mreyes", email: "m1@acme.example",
                        ["roles": .list(["agent"]), "skills": .levels(["Sales": 1, "Billing": 3])]),
                    person(
                        "jdoe", email: "j1@acme.example",
                        ["roles": .list(["agent"]), "skills": .levels(["Sales": 1, "Billing": 3])]),
                    person("boss", email: "b1@acme.example", ["roles": .list(["admin", "supervisor"])], active: false),
                ],
                groups: [
                    LiveObject(
                        id: "g",
                        value: Group(
                            name: "Sales Floor", externalId: "roster:sales floor", members: ["mreyes", "jdoe"]))
                ],
                skills: [
                    LiveObject(id: "s1", value: Skill(name: "Sales", description: "Sales queue")),
                    LiveObject(id: "s2", value: Skill(name: "Billing")),
                    LiveObject(id: "s3", value: Skill(name: "Unused")),
                ],
                catalog: ["roles": ["agent", "supervisor", "admin", "reporting"]]),
            "genesys": LiveResources(
                users: [
                    person(
                        "m1@acme.example", email: "m1@acme.example",
                        [
                            "roles": .list(["Agent", "Employee"]), "skills": .levels(["Technical Support": 3]),
                            "languages": .levels(["English": 5]), "division": .string("Support"),
                        ])
                ], catalog: ["roles": ["Agent", "Employee", "Admin"]]),
            "talkdesk": LiveResources(users: [
                person(
                    "j1@acme.example", email: "j1@acme.example",
                    ["roles": .list(["Agent"]), "teams": .list(["Billing"])])
            ]),
            "x8": LiveResources(users: [person("ohaddad", email: "b1@acme.example", ["site": .string("Boston")])]),
            "webex": LiveResources(users: [
                person("m1@acme.example", email: "m1@acme.example", ["roles": .list(["id_user_admin"])])
            ]),
        ])
    }
}
