public import RosterModel

/// 8x8's user attributes (scim-vendors.md §4.3): core names, one work email, title, locale, timezone, phone,
/// enterprise department, and the write-once `site` in the 8x8 extension.
///
/// Of the enterprise extension only `department` is documented for 8x8, so `manager` is neither read nor sent.
public struct EightByEightAttributes: SCIMVendorAttributes {
    /// The 8x8 user extension.
    public static let schema = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User"

    /// Creates the mapping.
    public init() {}

    /// What 8x8 holds.
    public var attributes: Set<String> {
        [
            Attribute.givenName, Attribute.familyName, Attribute.email, Attribute.title, Attribute.locale,
            Attribute.timezone, Attribute.phone, Attribute.department, Attribute.site,
        ]
    }

    /// Core and 8x8.
    public var schemas: [String] { [Self.schema] }

    /// Reads the site.
    public func read(_ json: JSONValue, into attributes: inout AttributeMap) {
        attributes[Attribute.site] = json[Self.schema]?["site"]?.string.map(AttributeValue.string)
    }

    /// Writes the site; the one work email replaces any other.
    public func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool {
        switch attribute {
        case Attribute.site:
            var extensionObject = object[Self.schema]?.object ?? [:]
            extensionObject["site"] = value?.text.map(JSONValue.string)
            object[Self.schema] = .object(extensionObject)
        case Attribute.email:
            object["emails"] = .array(
                value?.text.map { [.object(["value": .string($0), "type": .string("work"), "primary": .bool(true)])] }
                    ?? [])
        default:
            return false
        }
        return true
    }
}
