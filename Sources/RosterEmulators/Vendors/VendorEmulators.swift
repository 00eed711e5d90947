/// Factories for the vendor emulators (Genesys Cloud, Cisco Webex, Talkdesk, 8x8), each the generic
/// `SCIMEmulator` in that vendor's dialect, written from `vendors/scim-vendors.md` only.
public enum VendorEmulators {}
