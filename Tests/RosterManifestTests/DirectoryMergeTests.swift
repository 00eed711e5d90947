import Foundation
import RosterManifest
import RosterModel
import Testing

@Suite("A directory of files merges into one manifest")
struct DirectoryMergeTests {
    @Test("declarations from several files merge")
    func merge() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "providers.yaml",
            """
            version: 1
            providers:
              five9: { type: five9, endpoint: "emulator:" }
            skills:
              five9: [Sales]

            """)
        try directory.write("more-skills.yaml", "skills:\n  five9: [Billing]\n")
        try directory.write(
            "people/a.yaml",
            """
            people:
              - { userName: ana@acme.example, givenName: Ana, familyName: Lima, profiles: [agent] }

            """)
        try directory.write(
            "profiles.yaml", "profiles:\n  agent: { five9: { roles: [agent], skills: { Billing: 2 } } }\n")
        let result = ManifestLoader().load(path: directory.path)
        #expect(result.diagnostics == [])
        let five9 = try #require(result.desired?.resources["five9"])
        #expect(five9.skills.map(\.name) == ["Billing", "Sales"])
        #expect(five9.users.first?.skills == ["Billing": 2])
    }

    @Test("duplicates across files name both places")
    func duplicates() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.write(
            "a.yaml",
            """
            version: 1
            policy: { prune: all }
            providers:
              corp: { type: scim, endpoint: "emulator:" }
              five9: { type: five9, endpoint: "emulator:" }
            skills:
              five9: [Sales]
            profiles:
              agent: { corp: {} }
            people:
              - { userName: ana@acme.example, givenName: Ana, familyName: Lima, profiles: [agent] }
            groups:
              - { name: Team, on: [corp] }

            """)
        let second = try directory.write(
            "b.yaml",
            """
            version: 1
            policy: { prune: none }
            providers:
              corp: { type: scim, endpoint: "emulator:" }
            skills:
              five9: [Sales]
            profiles:
              agent: { corp: {} }
            people:
              - { userName: Ana@Acme.Example, givenName: Ana, familyName: Again, profiles: [agent] }
            groups:
              - { name: Team, on: [corp] }

            """)
        let result = ManifestLoader().load(path: directory.path)
        let duplicates = result.diagnostics.filter { $0.code == "duplicate" }
        #expect(duplicates.count == 6)
        for duplicate in duplicates {
            #expect(duplicate.location?.file == second)
            #expect(duplicate.related.map(\.file) == [first])
        }
        #expect(result.diagnostics.count == 6)
        #expect(result.desired == nil)
    }

    @Test("files must agree on version 1; one file declaring it is enough")
    func versions() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.yaml", "version: 1\n")
        try directory.write("b.yaml", "version: 3\n")
        try directory.write("c.yaml", "version: \"1\"\n")
        let result = ManifestLoader().load(path: directory.path)
        #expect(result.diagnostics.map(\.code) == ["unsupported-version", "type-mismatch"])
        #expect(result.diagnostics.first?.message == "unsupported version 3; this roster reads version 1")
        let none = try TemporaryDirectory()
        try none.write("a.yaml", "people: []\n")
        try none.write("b.yaml", "groups: []\n")
        let missing = ManifestLoader().load(path: none.path)
        #expect(missing.diagnostics.map(\.code) == ["missing-version"])
        #expect(missing.diagnostics.first?.location == SourceLocation(file: none.path + "/a.yaml", line: 1, column: 1))
    }

    @Test("a broken file suppresses reference errors it could explain, but not its own problems")
    func brokenFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("providers.yaml", "version: 1\nproviders:\n  corp: { type: scim, endpoint: emulator: }\n")
        try directory.write(
            "people.yaml",
            """
            people:
              - { userName: ana@acme.example, givenName: Ana, familyName: Lima, emial: x, accounts: { corp: {} } }

            """)
        let result = ManifestLoader().load(path: directory.path)
        #expect(result.diagnostics.map(\.code) == ["unknown-key", "yaml"])
    }

    @Test("emulator seeds and credential files are resolved against the manifest file")
    func relativePaths() throws {
        let directory = try TemporaryDirectory()
        try directory.write("config/seeds/corp.json", "{}")
        try directory.write(
            "config/providers.yaml",
            """
            version: 1
            providers:
              corp:
                type: scim
                endpoint: "emulator:"
                emulator: { seed: seeds/corp.json }
                credentials: { token: { file: ../secrets/token } }

            """)
        let result = ManifestLoader().load(path: directory.path)
        #expect(result.diagnostics == [])
        let corp = try #require(result.desired?.provider(named: "corp"))
        #expect(corp.emulatorSeed == directory.path + "/config/seeds/corp.json")
        #expect(corp.credentials["token"] == .file(directory.path + "/secrets/token"))
        let inline = ManifestLoader().load(
            text: "version: 1\nproviders:\n  c: { type: scim, endpoint: \"emulator:\", emulator: { seed: s.json } }\n",
            path: "r.yaml")
        #expect(inline.diagnostics.map(\.message) == ["emulator seed 's.json' not found (looked for 's.json')"])
    }
}
