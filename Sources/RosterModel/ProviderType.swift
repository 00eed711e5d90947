/// The platforms roster knows.
///
/// The planner never switches over this; providers declare capabilities instead.
public enum ProviderType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Five9: SOAP Configuration Web Services plus optional SCIM user lifecycle.
    case five9
    /// 8x8 X Series SCIM.
    case eightByEight = "8x8"
    /// Cisco Webex identity SCIM.
    case webex
    /// Genesys Cloud SCIM.
    case genesys
    /// Talkdesk SCIM.
    case talkdesk
    /// Any RFC 7643/7644 service.
    case scim

    /// The manifest spelling, for example `8x8`.
    public var description: String { rawValue }
}
