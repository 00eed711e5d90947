@testable import RosterEmulators

/// Everything a `SCIMStore` answers, as plain values, so that two stores can be compared with `==`.
///
/// Ids sharing an externalId are compared as a set: their order follows the order of writes, which a snapshot
/// (like the store before resources were kept as text) does not keep.
struct StoreImage: Equatable, CustomStringConvertible {
    var counter: Int
    var users: [JSONObject]
    var groups: [JSONObject]
    var userIDsByUserName: [String: String]
    var userIDsByExternalID: [String: [String]]
    var inactiveUserIDs: [String]
    var groupIDsByMember: [String: [String]]
    var groupIDsByDisplayName: [String: String]
    var groupDisplayNames: [String: JSONValue]

    init(_ store: SCIMStore) {
        counter = store.counter
        users = store.users.all
        groups = store.groups.all
        userIDsByUserName = [:]
        userIDsByExternalID = [:]
        inactiveUserIDs = []
        groupIDsByMember = [:]
        groupIDsByDisplayName = [:]
        groupDisplayNames = [:]
        for user in users {
            let id = user["id"]!.stringValue!
            if let name = user["userName"]?.stringValue { userIDsByUserName[name] = store.userID(forUserName: name) }
            if let external = user["externalId"]?.stringValue {
                userIDsByExternalID[external] = store.userIDs(forExternalID: external).sorted()
            }
            if store.isInactiveUser(id) { inactiveUserIDs.append(id) }
            groupIDsByMember[id] = store.groupIDs(containing: id)
        }
        for group in groups {
            let id = group["id"]!.stringValue!
            if let name = group["displayName"]?.stringValue {
                groupIDsByDisplayName[name] = store.groupID(forDisplayName: name)
            }
            groupDisplayNames[id] = store.displayName(ofGroup: id)
            groupIDsByMember[id] = store.groupIDs(containing: id)
        }
    }
}

extension StoreImage {
    /// A summary: printing whole stores would drown a failure.
    var description: String {
        "StoreImage(counter: \(counter), users: \(users.count), groups: \(groups.count), "
            + "inactive: \(inactiveUserIDs.count), externalIds: \(userIDsByExternalID.count))"
    }

    /// The fields in which `self` and `other` differ, for a readable failure.
    func differences(from other: StoreImage) -> [String] {
        var names: [String] = []
        if counter != other.counter { names.append("counter") }
        if users != other.users { names.append("users") }
        if groups != other.groups { names.append("groups") }
        if userIDsByUserName != other.userIDsByUserName { names.append("userIDsByUserName") }
        if userIDsByExternalID != other.userIDsByExternalID { names.append("userIDsByExternalID") }
        if inactiveUserIDs != other.inactiveUserIDs { names.append("inactiveUserIDs") }
        if groupIDsByMember != other.groupIDsByMember { names.append("groupIDsByMember") }
        if groupIDsByDisplayName != other.groupIDsByDisplayName { names.append("groupIDsByDisplayName") }
        if groupDisplayNames != other.groupDisplayNames { names.append("groupDisplayNames") }
        return names
    }
}
