import Foundation
public import RosterModel
import Synchronization

extension SCIMProvider {
    /// Reads all users (active and inactive) and groups, with members resolved to userNames.
    public func fetch() async throws -> LiveResources {
        if dialect.discover { try await discover() }
        var userObjects = try await client.list("Users")
        if let filter = dialect.inactiveUsersFilter {
            // The unfiltered list leaves these out; without them deactivated people would look missing.
            let seen = Set(userObjects.compactMap { $0["id"]?.string })
            userObjects += try await client.list("Users", filter: filter).filter {
                !seen.contains($0["id"]?.string ?? "")
            }
        }
        let liveUsers = recordListedUsers(userObjects)
        var liveGroups: [LiveObject<Group>] = []
        if capabilities.kinds.contains(.group) {
            groups = [:]
            for json in try await client.list("Groups") {
                guard let live = group(from: try await withMembers(json)) else { continue }
                liveGroups.append(live)
            }
        }
        return LiveResources(users: liveUsers, groups: liveGroups)
    }

    /// Maps and records every listed user, then resolves managers in a second pass: a manager is named by id, and
    /// an id resolves only once every user is known (a manager the list does not hold was deleted: no manager).
    func recordListedUsers(_ objects: [JSONValue]) -> [LiveObject<User>] {
        users = [:]
        userKeysByID = [:]
        var read: [(live: LiveObject<User>, json: JSONValue)] = []
        read.reserveCapacity(objects.count)
        for json in objects {
            guard let live = dialect.mapping.user(from: json) else { continue }
            users[live.value.key] = UserRecord(id: live.id, json: json)
            userKeysByID[live.id] = live.value.key
            read.append((live, json))
        }
        guard managesManager else { return read.map(\.live) }
        return read.map { withManager($0.live, from: $0.json) }
    }

    /// The group with all its members: as listed, or read from `GET /Groups/{id}/Members` page by page where the
    /// dialect says so (Webex leaves members out of group lists and caps a group at 500).
    func withMembers(_ group: JSONValue) async throws -> JSONValue {
        guard let pageSize = dialect.memberPageSize, let id = group["id"]?.string else { return group }
        var members: [JSONValue] = []
        var start = 1
        while true {
            let page = try await client.get(
                "/Groups/\(SCIMClient.escape(id))/Members?startIndex=\(start)&count=\(pageSize)")
            let resources = page["Resources"]?.array ?? []
            members += resources
            let total = page["totalResults"]?.int ?? members.count
            guard !resources.isEmpty, members.count < total else { break }
            start += resources.count
        }
        var object = group.object ?? [:]
        object["members"] = .array(members)
        return .object(object)
    }

    /// Maps a group and records it; members that are not known users (nested groups, strangers) are left alone.
    func group(from json: JSONValue) -> LiveObject<Group>? {
        guard let id = json["id"]?.string, let name = json["displayName"]?.string else { return nil }
        let memberIDs = (json["members"]?.array ?? []).compactMap { $0["value"]?.string }
        let members = memberIDs.compactMap { userKeysByID[$0] }
        groups[name] = GroupRecord(
            id: id, name: name, members: Set(memberIDs), version: json["meta"]?["version"]?.string)
        let value = Group(name: name, externalId: json["externalId"]?.string, members: members)
        return LiveObject(id: id, value: value)
    }

    /// Learns PATCH support from `/ServiceProviderConfig`; keeps the defaults when the service has none.
    ///
    /// A service that cannot be reached or rejects the credentials fails here, once, with that reason.
    func discover() async throws {
        let config: JSONValue
        do {
            config = try await client.get("/ServiceProviderConfig")
        } catch let error as ProviderError where error.kind == .permanent || error.kind == .malformed {
            return
        }
        if config["patch"]?["supported"]?.bool == false {
            discovered.withLock { $0.supportsPatch = false }
        }
    }

    /// A SCIM filter string literal.
    static func quote(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
