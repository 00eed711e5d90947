/// How a SCIM emulator behaves where services differ.
///
/// The defaults are RFC 7643/7644 as written; vendor emulators
/// change the fields that their vendor's notes (`vendors/scim-vendors.md` §5–6) describe differently.
public struct SCIMEmulatorOptions: Sendable {
    /// What a stale `If-Match` is answered with.
    public enum StaleVersionAnswer: Sendable, Equatable {
        /// 412 Precondition Failed, as RFC 7644 §3.14 says.
        case preconditionFailed
        /// 400 with scimType `invalidVers`, as Genesys Cloud answers.
        case invalidVersion
    }

    /// Which group operations exist.
    public enum GroupSupport: Sendable, Equatable {
        /// Create, read, replace, patch and delete (RFC, Webex).
        case full
        /// Groups exist and their membership can change, but they cannot be created or deleted (Genesys Cloud).
        case membershipOnly
        /// There is no `/Groups` endpoint at all (Talkdesk, 8x8).
        case none
    }

    /// What `DELETE /Users/{id}` does.
    public enum DeleteBehavior: Sendable, Equatable {
        /// Removes the user for good, and from every group (RFC, Webex).
        case hardDelete
        /// Sets `active` to false and keeps the user (8x8).
        case deactivate
    }

    /// What happens to attributes that no known schema defines.
    public enum UnknownAttributePolicy: Sendable, Equatable {
        /// Stored and returned as given.
        case store
        /// Silently dropped (Webex).
        case drop
    }

    /// The Bearer token every request must carry.
    public var token: String = "roster-emulator-token"
    /// Also accept the token without the `Bearer ` prefix (Talkdesk's STS tokens may be sent that way).
    public var acceptsTokenWithoutScheme: Bool = false
    /// Further tokens that may only read; a write (POST other than `.search`, PUT, PATCH, DELETE) with one of them
    /// is answered 403 (8x8 allows a single writing client per customer).
    public var readOnlyTokens: Set<String> = []
    /// The largest page a list returns (and `filter.maxResults`); a larger `count` is clamped to it.
    public var maxPageSize: Int = 100
    /// The page size when a list names no `count`; `nil` means `maxPageSize`.
    public var defaultPageSize: Int?
    /// The answer to a stale `If-Match` on PUT, PATCH and DELETE.
    public var staleVersion: StaleVersionAnswer = .preconditionFailed
    /// An unfiltered user list leaves out users whose `active` is false (Genesys Cloud).
    public var unfilteredListExcludesInactiveUsers: Bool = false
    /// Which group operations exist.
    public var groups: GroupSupport = .full
    /// What deleting a user does.
    public var userDelete: DeleteBehavior = .hardDelete
    /// If set, PATCH on users may touch only these top-level attributes (case-insensitive).
    ///
    /// 8x8 allows only `["active"]`; any other path is refused with 400 `invalidPath`, so changes go through PUT.
    public var patchableUserAttributes: Set<String>?
    /// If set, `/Bulk` is served and takes at most this many operations (Webex: 100); `nil` means no bulk.
    public var bulkMaxOperations: Int?
    /// The largest `/Bulk` request body in bytes.
    public var bulkMaxPayloadSize: Int = 1_048_576
    /// What happens to attributes no known schema defines.
    public var unknownAttributes: UnknownAttributePolicy = .store
    /// Accept filter values without quotes (`userName eq jane`), as Genesys Cloud's examples show.
    public var acceptsUnquotedFilterValues: Bool = false
    /// If set, at most this many requests are answered per sliding second of the emulator's clock; the rest get
    /// 429 with `Retry-After` (Talkdesk: 4).
    public var requestsPerSecond: Int?
    /// Seed of the random generator that decides probabilistic faults, so runs are reproducible.
    public var randomSeed: UInt64 = 0x5C1E_2026
    /// The absolute base for `meta.location` and `Location`; if `nil`, it is derived from the request's scheme,
    /// authority and `X-Forwarded-Prefix` header, or left relative when the request has no authority.
    public var baseURL: String?
    /// Vendor extension schemas (set by vendor emulators).
    ///
    /// They are served on `/Schemas`, listed on the resource type, and kept when unknown attributes are dropped.
    var extensionSchemas: [SCIMSchemaDefinition] = []
    /// Vendor hooks run on every stored resource.
    var hooks = SCIMHooks()
    /// The journal is compacted into a new snapshot once it holds more than this many entries and more entries
    /// than there are resources, so a long session neither grows the journal without bound nor rewrites the
    /// state often (amortised O(1) per write).
    var journalCompactionThreshold = 1_000

    /// Creates the RFC 7644 defaults.
    public init() {}

    /// The page size used when a request names no `count`.
    var effectiveDefaultPageSize: Int { min(defaultPageSize ?? maxPageSize, maxPageSize) }
}

/// Places where a vendor emulator built on the generic one changes what is stored.
struct SCIMHooks: Sendable {
    /// Called with every user or group about to be stored by POST, PUT, PATCH, Bulk or a seed.
    ///
    /// It runs after the generic checks and before uniqueness is checked. It may change the resource (add a
    /// vendor attribute, force `active`) or throw a `SCIMError` to refuse the request (a write-once attribute that
    /// changed). `old` is nil on create.
    var willStore: (@Sendable (_ kind: ResourceKind, _ new: inout JSONObject, _ old: JSONObject?) throws -> Void)?

    /// Like `willStore` (and run right after it), but also given the users stored now, for checks that need the
    /// rest of the state: a licence pool (Talkdesk), a manager that must be an existing user id (Genesys Cloud).
    var willStoreAmongUsers: UsersAwareStoreHook?

    /// Called with every authenticated request before it is routed.
    ///
    /// It may throw a `SCIMError` to answer instead of the service, e.g. Genesys Cloud's 429 for pages over 25.
    var willRoute: (@Sendable (_ request: SCIMRequest) throws -> Void)?
}

/// The signature of `SCIMHooks.willStoreAmongUsers`: kind, the resource about to be stored, the stored version
/// (nil on create), and the users stored now.
typealias UsersAwareStoreHook =
    @Sendable (_ kind: ResourceKind, _ new: inout JSONObject, _ old: JSONObject?, _ users: ResourceTable) throws -> Void
