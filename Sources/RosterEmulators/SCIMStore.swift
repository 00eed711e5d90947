/// One committed change to the store; the journal records exactly these, so replaying them rebuilds the state.
enum StoreMutation: Sendable, Equatable {
    /// Create or replace the whole resource (its `id` is inside).
    case put(ResourceKind, JSONObject)
    /// Remove the resource with this id.
    case delete(ResourceKind, String)
}

/// The emulator's state: users and groups with the indexes that keep lookups O(1).
///
/// A value type with no I/O; the actor around it decides, journals and then applies `StoreMutation`s.
struct SCIMStore: Sendable {
    private(set) var users = ResourceTable()
    private(set) var groups = ResourceTable()
    /// The number behind the last generated id.
    private(set) var counter = 0
    /// Grows with every committed change, so derived data (cached listings) can tell it is out of date.
    private(set) var generation = 0
    private var userIDByUserName: [String: String] = [:]
    private var userIDsByExternalID: [String: IDBucket] = [:]
    private var groupIDByDisplayName: [String: String] = [:]
    private var groupIDsByMember: [String: IDBucket] = [:]
    /// Each group's `displayName` as stored, so rendering a user's `groups` does not parse every group.
    private var groupDisplayNames: [String: JSONValue] = [:]
    /// Users whose `active` is false, so an active-only listing does not parse every user.
    private var inactiveUserIDs: Set<String> = []

    /// The table of `kind`.
    func table(_ kind: ResourceKind) -> ResourceTable {
        switch kind {
        case .user: users
        case .group: groups
        }
    }

    /// Resources `start..<start+count` (zero-based) of `kind` in creation order.
    mutating func page(_ kind: ResourceKind, from start: Int, count: Int) -> [JSONObject] {
        switch kind {
        case .user: users.page(from: start, count: count)
        case .group: groups.page(from: start, count: count)
        }
    }

    /// The resource of `kind` with `id`.
    func resource(_ kind: ResourceKind, id: String) -> JSONObject? {
        table(kind)[id]
    }

    /// Whether the resource of `kind` with `id` exists (without parsing it).
    func contains(_ kind: ResourceKind, id: String) -> Bool {
        table(kind).contains(id)
    }

    /// Whether the user with `id` is stored with `active` false.
    func isInactiveUser(_ id: String) -> Bool {
        inactiveUserIDs.contains(id)
    }

    /// The stored `displayName` of the group with `id` (nil if it has none or does not exist).
    func displayName(ofGroup id: String) -> JSONValue? {
        groupDisplayNames[id]
    }

    /// The id of the user whose userName equals `userName`, ignoring case.
    func userID(forUserName userName: String) -> String? {
        userIDByUserName[userName.lowercased()]
    }

    /// Ids of the users whose externalId is exactly `externalID`.
    func userIDs(forExternalID externalID: String) -> [String] {
        userIDsByExternalID[externalID]?.ids ?? []
    }

    /// The id of the group whose displayName equals `displayName`, ignoring case.
    func groupID(forDisplayName displayName: String) -> String? {
        groupIDByDisplayName[displayName.lowercased()]
    }

    /// Ids of the groups that list `memberID` as a member, in creation order.
    func groupIDs(containing memberID: String) -> [String] {
        (groupIDsByMember[memberID]?.ids ?? []).sorted { groups.precedes($0, $1) }
    }

    /// A fresh id, UUID-shaped and derived from a counter so that tests and golden files are stable.
    mutating func nextID() -> String {
        var id: String
        repeat {
            counter += 1
            id = Self.id(for: counter)
        } while users.contains(id) || groups.contains(id)
        return id
    }

    /// The id generated for counter value `number`: 42 gives `00000000-0000-4000-8000-00000000002a`.
    static func id(for number: Int) -> String {
        let hex = String(number, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// Raises the id counter to at least `value` (used when replaying a journal).
    mutating func raiseCounter(to value: Int) {
        counter = max(counter, value)
    }

    /// Applies a committed change and keeps every index in step.
    mutating func apply(_ mutation: StoreMutation) {
        switch mutation {
        case .put(let kind, let resource):
            guard let id = resource["id"]?.stringValue else {
                generation &+= 1
                return
            }
            put(kind, resource, id: id, bytes: ResourceTable.encode(resource))
        case .delete(let kind, let id):
            generation &+= 1
            guard let old = self.resource(kind, id: id) else { return }
            unindex(old, kind: kind, id: id)
            switch kind {
            case .user: users.remove(id)
            case .group: groups.remove(id)
            }
        }
    }

    /// Stores `resource` (whose `id` is `id`) as the JSON text `bytes`, which must encode exactly `resource`.
    ///
    /// The same as `apply(.put(kind, resource))` without serializing again; reading a snapshot uses it.
    mutating func put(_ kind: ResourceKind, _ resource: JSONObject, id: String, bytes: [UInt8]) {
        generation &+= 1
        if let old = self.resource(kind, id: id) { unindex(old, kind: kind, id: id) }
        index(resource, kind: kind, id: id)
        switch kind {
        case .user: users.upsert(bytes: bytes, id: id)
        case .group: groups.upsert(bytes: bytes, id: id)
        }
    }

    /// The members `index` reads: a resource parsed with only these indexes exactly as a whole one.
    static let indexed: Set<String> = ["id", "userName", "externalId", "active", "displayName", "members"]

    private mutating func index(_ resource: JSONObject, kind: ResourceKind, id: String) {
        switch kind {
        case .user:
            if let userName = resource["userName"]?.stringValue { userIDByUserName[userName.lowercased()] = id }
            if let externalID = resource["externalId"]?.stringValue {
                userIDsByExternalID[externalID] = .adding(id, to: userIDsByExternalID[externalID], unique: false)
            }
            if resource["active"]?.boolValue == false { inactiveUserIDs.insert(id) }
            // Groups read before their members (a snapshot lists groups first) filed them under their own copy of
            // the id; file them under the table's.
            if !users.contains(id), let groupIDs = groupIDsByMember.removeValue(forKey: id) {
                groupIDsByMember[id] = groupIDs
            }
        case .group:
            if let name = resource["displayName"]?.stringValue { groupIDByDisplayName[name.lowercased()] = id }
            groupDisplayNames[id] = resource["displayName"]
            for member in Self.memberIDs(of: resource) {
                // The member's id as the table keeps it: a member list's copy would cost a string per member.
                let key = users.storedID(member) ?? groups.storedID(member) ?? member
                groupIDsByMember[key] = .adding(id, to: groupIDsByMember[key], unique: true)
            }
        }
    }

    private mutating func unindex(_ resource: JSONObject, kind: ResourceKind, id: String) {
        switch kind {
        case .user:
            if let key = resource["userName"]?.stringValue?.lowercased(), userIDByUserName[key] == id {
                userIDByUserName[key] = nil
            }
            if let externalID = resource["externalId"]?.stringValue {
                userIDsByExternalID[externalID] = userIDsByExternalID[externalID]?.removing(id)
            }
            inactiveUserIDs.remove(id)
        case .group:
            groupDisplayNames[id] = nil
            if let key = resource["displayName"]?.stringValue?.lowercased(), groupIDByDisplayName[key] == id {
                groupIDByDisplayName[key] = nil
            }
            for member in Self.memberIDs(of: resource) {
                groupIDsByMember[member] = groupIDsByMember[member]?.removing(id)
            }
        }
    }

    /// The `value` of every member of a group.
    static func memberIDs(of group: JSONObject) -> [String] {
        (group["members"]?.arrayValue ?? []).compactMap { $0.objectValue?["value"]?.stringValue }
    }
}
