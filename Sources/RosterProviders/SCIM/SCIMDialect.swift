public import RosterModel

/// What differs between SCIM services: capabilities, the user mapping, and how lists and writes behave.
///
/// A vendor is a dialect value, never a subclass: the provider code is the same for all of them.
public struct SCIMDialect: Sendable {
    /// Declared capabilities.
    public var capabilities: ProviderCapabilities
    /// The attribute mapping.
    public var mapping: SCIMUserMapping
    /// Whether to read `/ServiceProviderConfig` to learn PATCH support.
    public var discover: Bool
    /// Items asked for per page (Genesys risks a 429 above 25).
    public var pageSize: Int
    /// A filter that lists the users an unfiltered list leaves out (Genesys lists active users only).
    public var inactiveUsersFilter: String?
    /// Members come from `GET /Groups/{id}/Members` pages of this size instead of the group itself (Webex).
    public var memberPageSize: Int?
    /// Read each written user back and fail the step when a value did not stick (Webex drops unknown attributes
    /// silently).
    public var verifiesWrites: Bool
    /// Why a user created active can come back inactive (Talkdesk: no free licence); nil when it cannot.
    public var inactiveOnCreateReason: String?

    /// Creates a dialect.
    public init(
        capabilities: ProviderCapabilities, mapping: SCIMUserMapping = SCIMUserMapping(), discover: Bool = true,
        pageSize: Int = 1_000, inactiveUsersFilter: String? = nil, memberPageSize: Int? = nil,
        verifiesWrites: Bool = false, inactiveOnCreateReason: String? = nil
    ) {
        self.capabilities = capabilities
        self.mapping = mapping
        self.discover = discover
        self.pageSize = pageSize
        self.inactiveUsersFilter = inactiveUsersFilter
        self.memberPageSize = memberPageSize
        self.verifiesWrites = verifiesWrites
        self.inactiveOnCreateReason = inactiveOnCreateReason
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
