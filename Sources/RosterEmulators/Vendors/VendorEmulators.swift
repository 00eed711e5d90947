/// Factories for the vendor emulators (Genesys Cloud, Cisco Webex, Talkdesk, 8x8), each the generic
/// `SCIMEmulator` in that vendor's dialect, written from `vendors/scim-vendors.md` only.
public enum VendorEmulators {
    /// The OAuth client every OAuth vendor emulator accepts unless its seed lists `clients`.
    public static let defaultClient = (id: "roster", secret: "roster-secret")
    /// The Webex org id the emulator serves unless its seed sets `orgId`.
    public static let defaultWebexOrgID = "6f5a5b7e-2c1d-4e8f-9a0b-1c2d3e4f5a6b"
    /// The 8x8 customer id the emulator serves unless its seed sets `customerId`.
    public static let defaultEightByEightCustomerID = "0012345678"
}
