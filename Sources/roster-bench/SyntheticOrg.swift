import Foundation

/// A generated contact center of `people` agents on one SCIM provider, with realistic drift in the seed:
/// 90 % already exist (of which 5 % with a changed title and 3 % deactivated), 2 % extra owned users to prune.
struct SyntheticOrg {
    let people: Int
    let groups = 20

    func manifest() -> String {
        var text = """
            version: 1
            policy: { limits: { deprovisionShare: 1.0, assignmentRemovalShare: 1.0, maxDeletes: 100000 } }
            providers:
              corp:
                type: scim
                endpoint: "emulator:"
                emulator: { seed: seed.json }
            people:

            """
        text.reserveCapacity(people * 220)
        for index in 0..<people {
            text += """
                  - userName: agent\(index)@acme.example
                    givenName: Agent
                    familyName: Number\(index)
                    email: agent\(index)@acme.example
                    title: Agent
                    department: Team \(index % groups)
                    accounts: { corp: { roles: [agent] } }

                """
        }
        text += "groups:\n"
        for group in 0..<groups {
            let members = stride(from: group, to: people, by: groups).map { "agent\($0)@acme.example" }
            text += "  - name: Team \(group)\n    on: [corp]\n    members: [\(members.joined(separator: ", "))]\n"
        }
        return text
    }

    func seed() throws -> Data {
        var users: [[String: Any]] = []
        let existing = people * 9 / 10
        for index in 0..<existing {
            users.append(
                user(
                    "agent\(index)@acme.example", title: index % 20 == 0 ? "Trainee" : "Agent", active: index % 33 != 0,
                    department: "Team \(index % groups)"))
        }
        for index in 0..<(people / 50) {
            users.append(user("leaver\(index)@acme.example", title: "Agent", active: true, department: "Team 0"))
        }
        var groupObjects: [[String: Any]] = []
        for group in 0..<groups {
            let members = stride(from: group, to: existing, by: groups).filter { $0 % 10 != 0 }
                .map { ["userName": "agent\($0)@acme.example"] }
            groupObjects.append([
                "displayName": "Team \(group)", "externalId": "roster:team \(group)", "members": members,
            ])
        }
        return try JSONSerialization.data(withJSONObject: ["users": users, "groups": groupObjects])
    }

    private func user(_ name: String, title: String, active: Bool, department: String) -> [String: Any] {
        [
            "userName": name, "externalId": "roster:\(name)", "active": active, "title": title,
            "name": ["givenName": "Agent", "familyName": "Number\(name.filter(\.isNumber))"],
            "displayName": "Agent Number\(name.filter(\.isNumber))",
            "emails": [["value": name, "type": "work", "primary": true]],
            "roles": [["value": "agent"]],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": ["department": department],
            "schemas": [
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            ],
        ]
    }
}
