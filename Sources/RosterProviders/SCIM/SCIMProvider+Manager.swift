import Foundation
import RosterModel

extension SCIMProvider {
    /// Whether this provider's dialect reads and writes `manager` (RFC 7643 enterprise extension).
    var managesManager: Bool { dialect.mapping.managedAttributes.contains(Attribute.manager) }

    /// The userName of the user with SCIM id `id`, from the users this provider knows; nil for an unknown or
    /// deleted user.
    func userName(ofID id: String) -> String? {
        guard let key = userKeysByID[id], let record = users[key] else { return nil }
        return record.json["userName"]?.string ?? key
    }

    /// `live` with its manager set from the manager id in `json`, resolved through the users this provider knows.
    ///
    /// An id that names no known user (a deleted manager) reads as no manager.
    func withManager(_ live: LiveObject<User>, from json: JSONValue) -> LiveObject<User> {
        guard managesManager, let id = SCIMUserMapping.managerID(in: json) else { return live }
        var resolved = live
        resolved.value.attributes[Attribute.manager] = userName(ofID: id).map(AttributeValue.string)
        return resolved
    }

    /// Records the user with SCIM id `id`, read with `GET /Users/{id}`; nothing when it does not exist (404).
    func lookUpUser(id: String) async throws {
        do {
            record(try await client.get("/Users/\(SCIMClient.escape(id))"))
        } catch let error as ProviderError where error.status == 404 {}
    }

    /// The SCIM id of `user`'s manager, for a write that sets it; nil when the user has no manager (or the dialect
    /// does not manage it).
    ///
    /// The manager is found among the users this provider knows (its last read and its own writes, so a manager
    /// created earlier in the same apply resolves), else looked up by userName once.
    ///
    /// - Throws: `ProviderError` (permanent) naming the manager when no such user exists on this provider.
    func managerID(for user: User) async throws -> String? {
        guard managesManager, case .string(let manager)? = user.attributes[Attribute.manager] else { return nil }
        if let record = users[manager.lowercased()] { return record.id }
        let found = try await client.list("Users", filter: "userName eq \(Self.quote(manager))")
        if let json = found.first, let id = json["id"]?.string {
            record(json)
            return id
        }
        throw ProviderError(
            .permanent, provider: name,
            "manager '\(manager)' of '\(user.userName)' is not on \(name); \(name) names a manager by their id, so "
                + "'\(manager)' must exist there first (give them an account on \(name), or remove the manager)")
    }

    /// The manager id a write of `changes` needs: resolved only when the changes set the manager.
    func managerID(for user: User, changes: [AttributeChange]) async throws -> String? {
        guard changes.contains(where: { $0.name == Attribute.manager && $0.after != nil }) else { return nil }
        return try await managerID(for: user)
    }
}
