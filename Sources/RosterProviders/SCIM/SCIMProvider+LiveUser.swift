import Foundation
public import RosterModel

extension SCIMProvider {
    /// Maps a user read from the vendor into roster's vocabulary and records it for later steps.
    ///
    /// Every read of a single user (targeted re-reads, verification) goes through here, so attributes that need
    /// the provider's own knowledge (a manager's id resolved to a userName) are resolved the same way everywhere.
    func liveUser(from json: JSONValue) async throws -> LiveObject<User>? {
        guard let live = dialect.mapping.user(from: json) else { return nil }
        record(json)
        return live
    }
}
