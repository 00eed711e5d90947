/// A vendor whose SCIM API takes OAuth client-credentials tokens: the login host and the API host, served as two
/// handlers that share one `OAuthTokenIssuer`.
public struct OAuthVendorEmulator: Sendable {
    /// The login host (`POST /oauth/token`).
    public let login: OAuthTokenEndpoint
    /// The SCIM API host.
    public let api: VendorSCIMHandler

    /// The emulator behind the API host (store, stats, fault injection).
    public var scim: SCIMEmulator { api.scim }
}
