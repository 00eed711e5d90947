import Foundation
import RosterYAML
import Testing

/// Prints how long a generated manifest takes to parse, asserting nothing about time.
///
/// Run it by hand in release: `ROSTER_YAML_BENCH=50000 swift test -c release --filter YAMLBenchmarkTests`.
@Suite struct YAMLBenchmarkTests {
    static let people = ProcessInfo.processInfo.environment["ROSTER_YAML_BENCH"].flatMap { Int($0) }

    @Test(.enabled(if: people != nil, "set ROSTER_YAML_BENCH to a number of people"))
    func parseLargeManifest() throws {
        let count = try #require(Self.people)
        let bytes = Array(Self.manifest(people: count).utf8)
        let clock = ContinuousClock()
        var root: YAMLNode?
        let elapsed = try clock.measure { root = try YAMLParser.parse(bytes, file: "bench/people.yaml") }
        #expect(root?["people"]?.items?.count == count)
        print("parsed \(bytes.count) bytes (\(count) people) in \(elapsed)")
    }

    /// About 1 KB of YAML per person, in the styles real manifests use.
    static func manifest(people: Int) -> String {
        var text = "version: 1\nprofiles:\n  tier1: &tier1\n    five9: { roles: [agent], skills: { Sales: 3 } }\n"
        text += "people:\n"
        for index in 0..<people {
            text += """
                  - userName: person\(index).longer.name@acme.example
                    givenName: Given\(index)
                    familyName: "Family \(index)"
                    email: person\(index).longer.name@acme.example
                    title: Senior Agent of the Contact Center Operations Team
                    department: Customer Support and Billing Department
                    locale: en-US
                    timezone: America/New_York
                    active: true
                    profiles: [tier1-agent, tier2-agent]
                    notes: |
                      Joined in 2020; speaks English and Spanish.
                      Works the evening shift on weekdays.
                      Prefers billing and sales queues over everything else in the building.
                    accounts:
                      five9: { skills: { Billing: 1, Sales: 2, Spanish: 3 }, roles: [agent, supervisor] }
                      genesys: { division: Support, roles: [Agent], routingSkills: { Sales: 3 }, languages: [en, es] }
                      webex: { roles: [agent] }
                      talkdesk: { roles: [Agent], teams: [Evening, Billing] }
                      x8: { userName: jdoe\(index), site: Boston }

                """
        }
        return text
    }
}
