import Foundation

/// The emulator seeds of a `SyntheticOrg`, each in its vendor's own shape, with the drift the org describes and the
/// emulators' rate limits lifted.
struct SyntheticSeeds {
    let org: SyntheticOrg
    private static let core = "urn:ietf:params:scim:schemas:core:2.0:User"
    private static let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    private static let unlimited = 1_000_000_000

    /// Everyone who exists before the plan, then the leavers (named `leaverN`), as (userName, person index or nil).
    private var live: [(name: String, index: Int?)] {
        org.existing.map { ("agent\($0)@acme.example", $0) }
            + (0..<org.leavers).map { ("leaver\($0)@acme.example", nil) }
    }

    private func title(_ index: Int?) -> String { index.map { org.changedTitle($0) ? "Trainee" : "Agent" } ?? "Agent" }
    private func active(_ index: Int?) -> Bool { index.map { !org.deactivated($0) } ?? true }
    private func department(_ index: Int?) -> String { "Team \((index ?? 0) % org.groups)" }
    private func level(_ index: Int?) -> Int { index.map { org.changedTitle($0) ? 5 : 3 } ?? 3 }
    private func familyName(_ name: String) -> String { "Number" + name.filter(\.isNumber) }

    /// Core SCIM attributes shared by every SCIM vendor.
    private func scimUser(_ name: String, _ index: Int?, extensions: [String] = []) -> [String: Any] {
        [
            "userName": name, "externalId": "roster:\(name)", "active": active(index), "title": title(index),
            "name": ["givenName": "Agent", "familyName": familyName(name)],
            "displayName": "Agent \(familyName(name))",
            "emails": [["value": name, "type": "work", "primary": true]],
            Self.enterprise: ["department": department(index)],
            "schemas": [Self.core, Self.enterprise] + extensions,
        ]
    }

    /// The team groups with their members (10 % of the existing members missing).
    private func groupObjects(members key: String) -> [[String: Any]] {
        (0..<org.groups).map { group in
            let members = stride(from: group, to: org.existing.upperBound, by: org.groups)
                .filter { !org.outOfGroup($0) }.map { [key: "agent\($0)@acme.example"] }
            return ["displayName": "Team \(group)", "externalId": "roster:team \(group)", "members": members]
        }
    }

    func generic() throws -> Data {
        let users = live.map { user in
            var object = scimUser(user.name, user.index)
            object["roles"] = [["value": "agent"]]
            return object
        }
        return try JSONSerialization.data(withJSONObject: ["users": users, "groups": groupObjects(members: "userName")])
    }

    func webex() throws -> Data {
        let users = live.map { user in
            var object = scimUser(user.name, user.index)
            object["userType"] = "user"
            return object
        }
        return try JSONSerialization.data(withJSONObject: ["users": users, "groups": groupObjects(members: "userName")])
    }

    func genesys() throws -> Data {
        let genesys = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User"
        let users = live.map { user in
            var object = scimUser(user.name, user.index, extensions: [genesys])
            object["roles"] = [["value": "employee"]]
            object[Self.enterprise] = ["department": department(user.index), "division": "Home"]
            object[genesys] = ["routingSkills": [["name": "Technical Support", "proficiency": level(user.index)]]]
            return object
        }
        let vendor: [String: Any] = [
            "roles": ["employee"], "routingSkills": ["Technical Support"], "requestsPerMinute": Self.unlimited,
        ]
        return try JSONSerialization.data(withJSONObject: ["vendor": vendor, "users": users])
    }

    func talkdesk() throws -> Data {
        let talkdesk = "urn:ietf:params:scim:schemas:extension:talkdesk:2.0:User"
        let users = live.map { user in
            var object = scimUser(user.name, user.index, extensions: [talkdesk])
            object[talkdesk] = ["rolesString": "Agent", "teamsString": "Billing"]
            return object
        }
        let vendor: [String: Any] = ["roles": ["Agent"], "teams": ["Billing"], "requestsPerSecond": Self.unlimited]
        return try JSONSerialization.data(withJSONObject: ["vendor": vendor, "users": users])
    }

    func eightByEight() throws -> Data {
        let x8 = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User"
        let users = live.map { user in
            var object = scimUser(user.name, user.index, extensions: [x8])
            object[x8] = ["site": "Boston"]
            return object
        }
        return try JSONSerialization.data(withJSONObject: ["vendor": ["sites": ["Boston"]], "users": users])
    }

    func five9() throws -> Data {
        let users: [[String: Any]] = live.map { user in
            [
                "userName": user.name, "firstName": "Agent", "lastName": familyName(user.name), "EMail": user.name,
                "osLogin": "roster:\(user.name)", "active": active(user.index), "roles": ["agent"],
                "skills": ["Sales": level(user.index)],
            ]
        }
        let groups = groupObjects(members: "userName").map { group -> [String: Any] in
            let members = (group["members"] as? [[String: String]] ?? []).compactMap { $0["userName"] }
            return ["name": group["displayName"] ?? "", "agents": members]
        }
        let counters: [String: Int] = [
            "perMinute": Self.unlimited, "perHour": Self.unlimited, "perDay": Self.unlimited,
        ]
        let vendor: [String: Any] = [
            "skills": [["name": "Sales"], ["name": "Billing"]], "users": users, "agentGroups": groups,
            "limits": ["query": counters, "modify": counters],
        ]
        return try JSONSerialization.data(withJSONObject: ["vendor": vendor])
    }
}
