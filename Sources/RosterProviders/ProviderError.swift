/// A provider call failed: what, where, and how to fix it.
///
/// Never carries credentials.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, so the applier can decide between retry, skip and stop.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Retrying later may work (5xx, timeouts after retries ran out).
        case transient
        /// Rejected by the vendor (400, 404, 409…); retrying will not help.
        case permanent
        /// Too many requests even after backing off.
        case rateLimited = "rate-limited"
        /// 401/403: bad, expired or revoked credentials, or missing permissions.
        case unauthorized
        /// The object changed since the plan (412, stale version).
        case stale
        /// The endpoint could not be reached at all.
        case unreachable
        /// The vendor answered something roster cannot read.
        case malformed
        /// Roster's own configuration is wrong (missing credential variable, bad URL).
        case configuration
    }

    /// What kind of failure.
    public var kind: Kind
    /// The provider name.
    public var provider: String
    /// What happened, for example `409 uniqueness: userName 'ana' already exists`.
    public var message: String
    /// The HTTP status, if there was one.
    public var status: Int?
    /// The vendor's own error text (SCIM `detail`, SOAP fault string), if any.
    public var vendorDetail: String?

    /// Creates an error.
    public init(_ kind: Kind, provider: String, _ message: String, status: Int? = nil, vendorDetail: String? = nil) {
        self.kind = kind
        self.provider = provider
        self.message = message
        self.status = status
        self.vendorDetail = vendorDetail
    }

    /// `corp: 409 uniqueness: …`.
    public var description: String { "\(provider): \(message)" }
}
