import Foundation
import RosterModel

extension SCIMProvider {
    /// Maps a user read from the vendor into roster's vocabulary and records it for later steps.
    ///
    /// Every read of a single user (targeted re-reads, verification) goes through here, so attributes that need
    /// the provider's own knowledge (a manager's id resolved to a userName) are resolved the same way everywhere.
    /// A manager id this provider has not seen is read with `GET /Users/{id}` and recorded; one that does not exist
    /// any more reads as no manager, as in `fetch()`.
    func liveUser(from json: JSONValue) async throws -> LiveObject<User>? {
        guard let live = dialect.mapping.user(from: json) else { return nil }
        record(json)
        if managesManager, let id = SCIMUserMapping.managerID(in: json), userName(ofID: id) == nil {
            try await lookUpUser(id: id)
        }
        return withManager(live, from: json)
    }
}
