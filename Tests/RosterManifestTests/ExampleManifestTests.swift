import RosterManifest
import RosterModel
import Testing

@Suite("The shipped examples")
struct ExampleManifestTests {
    @Test("examples/minimal loads with no diagnostics")
    func minimal() throws {
        let result = ManifestLoader().load(path: TestPaths.repository("examples/minimal"))
        #expect(result.diagnostics == [])
        let desired = try #require(result.desired)
        #expect(desired.providers.map(\.name) == ["corp"])
        let corp = try #require(desired.resources["corp"])
        #expect(corp.users.count == 5)
        #expect(corp.groups.map(\.name) == ["Night Shift", "Support"])
    }

    @Test("examples/contact-center loads with no diagnostics")
    func contactCenter() throws {
        let result = ManifestLoader().load(path: TestPaths.repository("examples/contact-center"))
        #expect(result.diagnostics == [])
        let desired = try #require(result.desired)
        #expect(desired.providers.map(\.name) == ["five9", "genesys", "intranet", "talkdesk", "webex", "x8"])
        #expect(Set(desired.providers.map(\.type)) == Set(ProviderType.allCases))
        #expect(result.people.count >= 30)
        #expect(result.files.count == 9)
        for provider in desired.providers {
            #expect(provider.usesEmbeddedEmulator)
            #expect(desired.resources[provider.name]?.users.isEmpty == false)
        }
    }
}
