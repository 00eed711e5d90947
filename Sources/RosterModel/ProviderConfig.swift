/// A provider as the manifests declare it: where it is, how to authenticate, and its policy.
///
/// Holds no secrets.
public struct ProviderConfig: Sendable, Hashable, Codable {
    /// The manifest name, for example `five9` or `corp-scim`; the first part of every address.
    public var name: String
    /// The platform.
    public var type: ProviderType
    /// `emulator:` for the embedded emulator, or an `https://` base URL.
    ///
    /// `nil` when built from type settings.
    public var endpoint: String?
    /// Vendor settings that locate the tenant: `region` (Genesys), `orgId` (Webex), `account` (Talkdesk),
    /// `customerId` (8x8), `scimSSOReady` (Five9), `lifecycle` (Five9: `soap` or `scim`).
    public var settings: [String: String]
    /// Named credential references, for example `token`, `clientId`, `clientSecret`, `username`, `password`.
    public var credentials: [String: SecretReference]
    /// Prune, deprovision, protect and blast-radius limits.
    public var policy: ProviderPolicy
    /// Client-side pacing, overriding the vendor default.
    public var pace: Pace?
    /// For an `emulator:` endpoint: a JSON seed of the vendor's pre-existing state (path relative to the manifest).
    public var emulatorSeed: String?
    /// Where the provider is declared.
    public var origin: SourceLocation?

    /// Creates a provider configuration.
    public init(
        name: String, type: ProviderType, endpoint: String? = nil, settings: [String: String] = [:],
        credentials: [String: SecretReference] = [:], policy: ProviderPolicy = ProviderPolicy(), pace: Pace? = nil,
        emulatorSeed: String? = nil, origin: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.endpoint = endpoint
        self.settings = settings
        self.credentials = credentials
        self.policy = policy
        self.pace = pace
        self.emulatorSeed = emulatorSeed
        self.origin = origin
    }

    /// Whether this provider talks to the in-process emulator.
    public var usesEmbeddedEmulator: Bool { endpoint?.hasPrefix("emulator:") ?? false }
}

/// How fast roster may call a provider: the rate limit is met from below, not discovered through 429s.
public struct Pace: Sendable, Hashable, Codable {
    /// Sustained requests per second.
    public var requestsPerSecond: Double
    /// Requests in flight at once.
    public var concurrency: Int
    /// Minimum seconds between two steps of the given kinds (Five9 user-skill changes are spaced apart).
    public var spacing: [ResourceKind: Double]

    /// Creates a pace.
    public init(requestsPerSecond: Double, concurrency: Int, spacing: [ResourceKind: Double] = [:]) {
        self.requestsPerSecond = requestsPerSecond
        self.concurrency = concurrency
        self.spacing = spacing
    }
}
