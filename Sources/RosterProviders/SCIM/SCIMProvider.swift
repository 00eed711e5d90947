import Foundation
public import RosterModel
import Synchronization

/// The generic SCIM 2.0 provider: RFC 7643/7644 as written.
///
/// Vendor dialects configure it through `SCIMDialect`.
public actor SCIMProvider: Provider {
    /// The manifest name.
    public nonisolated let name: String
    let client: SCIMClient
    let dialect: SCIMDialect
    let discovered: Mutex<ProviderCapabilities>
    /// Batches user writes into `/Bulk` where the dialect has it.
    let bulk: SCIMBulkQueue?
    /// What the last fetch and this provider's own writes know, by natural key.
    var users: [String: UserRecord] = [:]
    var groups: [String: GroupRecord] = [:]
    var userKeysByID: [String: String] = [:]

    /// Creates a provider.
    public init(name: String, client: SCIMClient, dialect: SCIMDialect = .generic) {
        self.name = name
        self.client = client
        self.dialect = dialect
        self.discovered = Mutex(dialect.capabilities)
        self.bulk = dialect.capabilities.bulkMaxOperations.map {
            SCIMBulkQueue(client: client, limit: $0, readsBack: dialect.verifiesWrites)
        }
    }

    /// What this provider can do (refined by `/ServiceProviderConfig` on the first fetch).
    public nonisolated var capabilities: ProviderCapabilities { discovered.withLock { $0 } }

    /// A live user as this provider last saw it.
    ///
    /// Only what later steps read is kept, as fields rather than a JSON tree: its identity for a deprovisioning
    /// step, and the multi-valued attributes a PATCH replaces whole while keeping entries roster does not manage (a
    /// full PUT reads the user fresh). 50,000 recorded users stay a fraction of their full size.
    struct UserRecord {
        var id: String
        var version: String?
        private var kept: [(key: String, value: JSONValue)]

        /// Records a live user, keeping only what later steps read.
        init(id: String, json: JSONValue) {
            self.id = id
            self.version = json["meta"]?["version"]?.string
            let object = json.object ?? [:]
            kept = Self.keptKeys.compactMap { key in object[key].map { (key, $0) } }
        }

        /// The kept parts as a JSON object.
        var json: JSONValue {
            .object(Dictionary(uniqueKeysWithValues: kept.lazy.map { ($0.key, $0.value) }))
        }

        /// What later steps read from a recorded user, in a fixed order.
        static let keptKeys = ["id", "userName", "externalId", "active", "emails", "phoneNumbers", "roles"]
    }

    /// A live group as this provider last saw it.
    struct GroupRecord {
        var id: String
        var name: String
        var members: Set<String>
        var version: String?
    }
}
