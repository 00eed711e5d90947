import Foundation
import RosterManifest
import RosterModel
import Testing

/// Generates a manifest with `count` people across three providers, profiles and groups.
func largeManifest(people count: Int) -> String {
    var text = """
        version: 1
        providers:
          five9: { type: five9, endpoint: "emulator:" }
          corp: { type: scim, endpoint: "emulator:" }
          webex: { type: webex, endpoint: "emulator:" }
        skills:
          five9: [Sales, Billing, Support]
        profiles:
          agent: { five9: { roles: [agent], skills: { Sales: 3 }, groups: [Floor] }, webex: {} }
        groups:
          - { name: Floor, on: [five9] }
          - { name: Everyone, on: [corp] }
        people:

        """
    text.reserveCapacity(count * 360)
    for index in 0..<count {
        text += """
              - userName: person\(index)@acme.example
                givenName: Given\(index)
                familyName: Family\(index % 97)
                email: person\(index)@acme.example
                title: Agent
                department: Support
                timezone: America/New_York
                manager: \(index == 0 ? "person1" : "person\((index - 1) / 10)")@acme.example
                profiles: [agent]
                accounts:
                  five9: { skills: { Billing: \(index % 10 + 1) } }
                  corp: { groups: [Everyone] }

            """
    }
    return text
}

@Suite("Large manifests")
struct LargeManifestTests {
    /// 5,000 people by default; `ROSTER_LARGE_PEOPLE=50000` for the full benchmark (run it in release by hand).
    static let count = Int(ProcessInfo.processInfo.environment["ROSTER_LARGE_PEOPLE"] ?? "") ?? 5000

    @Test("a generated manifest with thousands of people loads completely")
    func large() throws {
        let text = largeManifest(people: Self.count)
        let clock = ContinuousClock()
        var result: ManifestLoadResult?
        let elapsed = clock.measure { result = ManifestLoader().load(text: text, path: "large.yaml") }
        let loaded = try #require(result)
        #expect(loaded.diagnostics == [])
        let desired = try #require(loaded.desired)
        #expect(desired.resources["five9"]?.users.count == Self.count)
        #expect(desired.resources["five9"]?.groups.first?.members.count == Self.count)
        #expect(desired.resources["corp"]?.groups.first?.members.count == Self.count)
        #expect(loaded.people.count == Self.count)
        print("loaded \(Self.count) people (\(text.utf8.count / 1024) KiB) in \(elapsed)")
    }
}
