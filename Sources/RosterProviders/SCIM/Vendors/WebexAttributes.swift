public import RosterModel

/// Cisco Webex's user attributes (scim-vendors.md §2.3): core + enterprise (department, and the manager by id, who
/// must be in the same org); `userType` required on create; a primary work email must equal userName, so another
/// work address is written as a non-primary entry.
public struct WebexAttributes: SCIMVendorAttributes {
    /// The Cisco user extension.
    public static let schema = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"

    /// Creates the mapping.
    public init() {}

    /// What Webex holds.
    public var attributes: Set<String> {
        [
            Attribute.givenName, Attribute.familyName, Attribute.displayName, Attribute.email, Attribute.title,
            Attribute.department, Attribute.locale, Attribute.timezone, Attribute.phone, Attribute.roles,
            Attribute.manager,
        ]
    }

    /// Core and Cisco.
    public var schemas: [String] { [Self.schema] }

    /// Writes the work email as primary only when it is the userName.
    public func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool {
        guard attribute == Attribute.email else { return false }
        var entries = (object["emails"]?.array ?? []).filter { $0["type"]?.string != "work" }
        if let email = value?.text {
            let primary = email.lowercased() == object["userName"]?.string?.lowercased()
            entries.insert(
                .object(["value": .string(email), "type": .string("work"), "primary": .bool(primary)]), at: 0)
        }
        object["emails"] = .array(entries)
        return true
    }

    /// `userType: user`.
    public func prepareCreate(_ object: inout [String: JSONValue]) {
        if object["userType"] == nil { object["userType"] = .string("user") }
    }
}
