import Foundation
public import RosterModel

extension SCIMProvider {
    /// Reads only the users and groups at `addresses` (users by `userName eq`, groups by `displayName eq`), records
    /// them as `fetch()` does, and returns them.
    ///
    /// A group's members that are not among those users are read by id, so the group maps to the same value (and
    /// fingerprint) as in a full read. Whenever the one-by-one reads still to come would cost more requests than a
    /// full read (`TargetedReadCost`), the provider reads everything instead.
    public func fetch(only addresses: Set<ResourceAddress>) async throws -> LiveResources {
        var keys = ObjectKeys(addresses)
        keys.skills = []
        if !capabilities.kinds.contains(.group) { keys.groups = [] }
        guard !keys.isEmpty else { return LiveResources() }
        let otherLists = (dialect.inactiveUsersFilter == nil ? 0 : 1) + (capabilities.kinds.contains(.group) ? 1 : 0)
        var cost = TargetedReadCost(otherLists: otherLists)
        guard try await client.targetedReadIsCheaper(keys.users.count + keys.groups.count, cost: &cost) else {
            return keys.filter(try await fetch())
        }
        forget(keys)
        let users = try await readUsers(keys.users.sorted())
        let groupObjects = try await readGroups(keys.groups.sorted())
        let strangers = memberIDsNotKnown(in: groupObjects)
        guard try await client.targetedReadIsCheaper(strangers.count, cost: &cost) else {
            return keys.filter(try await fetch())
        }
        try await readUsers(ids: strangers)
        return LiveResources(users: users, groups: groupObjects.compactMap { group(from: $0) })
    }

    /// Drops what the caches hold about these objects, so one that is gone now is not resolved from an old read.
    func forget(_ keys: ObjectKeys) {
        for key in keys.users {
            if let old = users.removeValue(forKey: key) { userKeysByID[old.id] = nil }
        }
        for name in keys.groups { groups[name] = nil }
    }

    /// Reads users by userName, one request each, and records those that exist.
    func readUsers(_ keys: [String]) async throws -> [LiveObject<User>] {
        let client = self.client
        let found = try await ConcurrentReads.map(keys, limit: client.readConcurrency) { key in
            try await client.list("Users", filter: "userName eq \(Self.quote(key))").first {
                $0["userName"]?.string?.lowercased() == key
            }
        }
        let objects = found.compactMap { $0 }
        // Every read user is known before any is mapped, so a manager among them needs no read of its own.
        objects.forEach(record)
        var live: [LiveObject<User>] = []
        for json in objects {
            if let user = try await liveUser(from: json) { live.append(user) }
        }
        return live
    }

    /// Reads groups by displayName, one request each (plus member pages where the dialect pages members).
    func readGroups(_ names: [String]) async throws -> [JSONValue] {
        let client = self.client
        let found = try await ConcurrentReads.map(names, limit: client.readConcurrency) { name in
            try await client.list("Groups", filter: "displayName eq \(Self.quote(name))").first {
                $0["displayName"]?.string == name
            }
        }
        var groups: [JSONValue] = []
        for json in found.compactMap({ $0 }) { groups.append(try await withMembers(json)) }
        return groups
    }

    /// Member ids of these groups that no read so far has mapped to a user (nested groups left out).
    func memberIDsNotKnown(in groups: [JSONValue]) -> [String] {
        var ids = Set<String>()
        for group in groups {
            for member in group["members"]?.array ?? [] where member["type"]?.string != "Group" {
                if let id = member["value"]?.string, userKeysByID[id] == nil { ids.insert(id) }
            }
        }
        return ids.sorted()
    }

    /// Reads users by id, one request each, and records them; an id that is no user (404) is left out, as a full
    /// read leaves it out.
    func readUsers(ids: [String]) async throws {
        let client = self.client
        let found = try await ConcurrentReads.map(ids, limit: client.readConcurrency) { id -> JSONValue? in
            do {
                return try await client.get("/Users/\(SCIMClient.escape(id))")
            } catch let error as ProviderError where error.status == 404 {
                return nil
            }
        }
        let objects = found.compactMap { $0 }
        objects.forEach(record)
        for json in objects { _ = try await liveUser(from: json) }
    }
}
