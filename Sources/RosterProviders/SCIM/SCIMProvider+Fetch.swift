import Foundation
public import RosterModel
import Synchronization

extension SCIMProvider {
    /// Reads all users (active and inactive) and groups, with members resolved to userNames.
    public func fetch() async throws -> LiveResources {
        try await read(keepingRecords: true)
    }

    /// Reads all users and groups for a plan only: users are mapped without keeping their `UserRecord`s.
    public func fetchForPlanning() async throws -> LiveResources {
        try await read(keepingRecords: false)
    }

    /// `fetch()`; without `keepingRecords` no `UserRecord` is made, so a later write to these users would first
    /// have to read them again.
    ///
    /// Each page is mapped as it arrives (`SCIMClient.list(_:filter:transform:)`), so 50,000 users are never held
    /// as JSON trees all at once.
    private func read(keepingRecords: Bool) async throws -> LiveResources {
        if dialect.discover { try await discover() }
        let mapping = dialect.mapping
        let read: @Sendable (JSONValue) -> ListedUser? = {
            ListedUser($0, mapping: mapping, recording: keepingRecords)
        }
        var listed = try await client.list("Users", transform: read)
        if let filter = dialect.inactiveUsersFilter {
            // The unfiltered list leaves these out; without them deactivated people would look missing.
            let seen = Set(listed.map(\.live.id))
            listed += try await client.list("Users", filter: filter, transform: read).filter {
                !seen.contains($0.live.id)
            }
        }
        let liveUsers = recordListedUsers(listed)
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

    /// A listed user as read from its page: mapped, its record (unless reading for a plan only), and its manager's
    /// id (resolved once every user is read).
    struct ListedUser: Sendable {
        var live: LiveObject<User>
        var record: UserRecord?
        var managerID: String?

        init?(_ json: JSONValue, mapping: SCIMUserMapping, recording: Bool) {
            guard let live = mapping.user(from: json) else { return nil }
            self.live = live
            record = recording ? UserRecord(id: live.id, json: json) : nil
            managerID = SCIMUserMapping.managerID(in: json)
        }
    }

    /// Records every listed user, then resolves managers in a second pass: a manager is named by id, and an id
    /// resolves only once every user is known (a manager the list does not hold was deleted: no manager).
    func recordListedUsers(_ listed: [ListedUser]) -> [LiveObject<User>] {
        users = [:]
        userKeysByID = [:]
        userKeysByID.reserveCapacity(listed.count)
        for entry in listed {
            if let record = entry.record { users[entry.live.value.key] = record }
            userKeysByID[entry.live.id] = entry.live.value.key
        }
        guard managesManager else { return listed.map(\.live) }
        // From this read itself, so a read for planning (no records) names managers exactly as a full one does.
        let userNames = Dictionary(listed.lazy.map { ($0.live.id, $0.live.value.userName) }) { first, _ in first }
        return listed.map { entry in
            guard let id = entry.managerID else { return entry.live }
            var live = entry.live
            live.value.attributes[Attribute.manager] = userNames[id].map(AttributeValue.string)
            return live
        }
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
