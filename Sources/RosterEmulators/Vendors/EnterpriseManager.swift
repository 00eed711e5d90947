/// The enterprise extension's `manager` (RFC 7643 §4.3), which Genesys Cloud and Webex hold as the manager's user
/// id and check against their users.
enum EnterpriseManager {
    /// The manager id a stored user names, when it differs from the one it named before (`old`, nil on create).
    ///
    /// Only a manager being set or changed is checked: one kept from before stays even if that user is gone.
    static func changedID(_ user: JSONObject, _ old: JSONObject?) -> String? {
        guard let id = id(in: user), id != old.flatMap(Self.id(in:)) else { return nil }
        return id
    }

    /// `manager.value` in the enterprise extension.
    static func id(in user: JSONObject) -> String? {
        user[SCIMURN.enterpriseUser]?.objectValue?["manager"]?.objectValue?["value"]?.stringValue
    }
}
