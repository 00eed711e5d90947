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
    }

    /// What this provider can do (refined by `/ServiceProviderConfig` on the first fetch).
    public nonisolated var capabilities: ProviderCapabilities { discovered.withLock { $0 } }

    /// A live user as this provider last saw it.
    struct UserRecord {
        var id: String
        var json: JSONValue
        var version: String?
    }

    /// A live group as this provider last saw it.
    struct GroupRecord {
        var id: String
        var name: String
        var members: Set<String>
        var version: String?
    }
}

/// What differs between SCIM services: capabilities, list filters, and the user mapping.
public struct SCIMDialect: Sendable {
    /// Declared capabilities.
    public var capabilities: ProviderCapabilities
    /// The attribute mapping.
    public var mapping: SCIMUserMapping
    /// Whether to read `/ServiceProviderConfig` to learn PATCH support and page limits.
    public var discover: Bool

    /// Creates a dialect.
    public init(capabilities: ProviderCapabilities, mapping: SCIMUserMapping = SCIMUserMapping(), discover: Bool = true)
    {
        self.capabilities = capabilities
        self.mapping = mapping
        self.discover = discover
    }

    /// RFC 7644 as written.
    ///
    /// RFC 7643 defines no administrator role, so the conventional names `admin` and `administrator` count as admin
    /// for the last-admin guard.
    public static let generic = SCIMDialect(
        capabilities: ProviderCapabilities(
            kinds: [.user, .group, .membership], creatableKinds: [.user, .group],
            attributes: SCIMUserMapping.attributes,
            pace: Pace(requestsPerSecond: 20, concurrency: 4), adminRoles: ["admin", "administrator"]))
}
