import Foundation

/// A generated contact center of `people` agents on six providers (Five9, Genesys, Webex, Talkdesk, 8x8 and a
/// generic SCIM intranet), with realistic drift in each emulator's seed.
///
/// Of the people, 90 % already exist on every provider; of those, 5 % have a changed title (a changed skill level on
/// Five9 and Genesys), 3 % are deactivated, and 10 % are missing from their team's group. 2 % extra owned users
/// (leavers) are deprovisioned. The seeds lift the emulators' rate limits: the plan measurement is roster's own
/// cost (the vendor-paced read floor is reported separately).
struct SyntheticOrg {
    let people: Int
    let groups = 20

    /// The providers, in table order.
    static let providers = ["five9", "genesys", "webex", "talkdesk", "x8", "corp"]

    /// `roster.yaml`: providers with lifted paces, catalogs, one profile every agent uses, people and groups.
    func manifest() -> String {
        var text = Self.header
        text.reserveCapacity(people * 200)
        for index in 0..<people {
            text += """
                  - userName: agent\(index)@acme.example
                    givenName: Agent
                    familyName: Number\(index)
                    email: agent\(index)@acme.example
                    title: Agent
                    department: Team \(index % groups)
                    profiles: [agent]

                """
        }
        text += "groups:\n"
        for group in 0..<groups {
            let members = stride(from: group, to: people, by: groups).map { "agent\($0)@acme.example" }
            text += "  - name: Team \(group)\n    on: [five9, webex, corp]\n"
            text += "    members: [\(members.joined(separator: ", "))]\n"
        }
        return text
    }

    static let header = """
        version: 1
        policy: { limits: { deprovisionShare: 1.0, assignmentRemovalShare: 1.0, maxDeletes: 1000000 } }
        providers:
          five9: { type: five9, endpoint: "emulator:", emulator: { seed: five9.json } }
          genesys:
            type: genesys
            endpoint: "emulator:"
            emulator: { seed: genesys.json }
            pace: { requestsPerSecond: 1000000, concurrency: 4 }
          webex:
            type: webex
            endpoint: "emulator:"
            emulator: { seed: webex.json }
            pace: { requestsPerSecond: 1000000, concurrency: 4 }
          talkdesk:
            type: talkdesk
            endpoint: "emulator:"
            emulator: { seed: talkdesk.json }
            pace: { requestsPerSecond: 1000000, concurrency: 4 }
          x8:
            type: 8x8
            endpoint: "emulator:"
            emulator: { seed: x8.json }
            pace: { requestsPerSecond: 1000000, concurrency: 4 }
          corp:
            type: scim
            endpoint: "emulator:"
            emulator: { seed: corp.json }
            pace: { requestsPerSecond: 1000000, concurrency: 4 }
        skills:
          five9: [Sales, Billing]
          genesys: [Technical Support]
        profiles:
          agent:
            five9: { roles: [agent], skills: { Sales: 3 } }
            genesys: { roles: [employee], skills: { Technical Support: 3 } }
            webex: {}
            talkdesk: { roles: [Agent], teams: [Billing] }
            x8: { site: Boston }
            corp: { roles: [agent] }
        people:

        """

    /// One seed file per provider.
    func seeds() throws -> [String: Data] {
        let seeds = SyntheticSeeds(org: self)
        return [
            "five9.json": try seeds.five9(), "genesys.json": try seeds.genesys(), "talkdesk.json": try seeds.talkdesk(),
            "webex.json": try seeds.webex(), "x8.json": try seeds.eightByEight(), "corp.json": try seeds.generic(),
        ]
    }

    /// The indexes of people who exist before the plan.
    var existing: Range<Int> { 0..<(people * 9 / 10) }
    /// How many owned leavers each provider holds.
    var leavers: Int { people / 50 }

    /// The drift of person `index`: changed title, deactivated, missing from their group.
    func changedTitle(_ index: Int) -> Bool { index % 20 == 0 }
    func deactivated(_ index: Int) -> Bool { index % 33 == 0 }
    func outOfGroup(_ index: Int) -> Bool { index % 10 == 0 }
}
