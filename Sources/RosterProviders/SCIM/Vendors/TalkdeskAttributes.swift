import Foundation
public import RosterModel

/// Talkdesk's user attributes (scim-vendors.md §3.3): names, and roles and teams as semicolon-separated strings
/// in the Talkdesk extension; the email is the userName.
///
/// Talkdesk has no enterprise extension ("nothing else" is used to build a user), so `manager` is neither read nor
/// sent.
public struct TalkdeskAttributes: SCIMVendorAttributes {
    /// The Talkdesk user extension.
    public static let schema = "urn:ietf:params:scim:schemas:extension:talkdesk:2.0:User"

    /// Creates the mapping.
    public init() {}

    /// What Talkdesk holds.
    public var attributes: Set<String> {
        [Attribute.givenName, Attribute.familyName, Attribute.roles, Attribute.teams]
    }

    /// Core and Talkdesk.
    public var schemas: [String] { [Self.schema] }

    /// Reads `rolesString` and `teamsString`.
    public func read(_ json: JSONValue, into attributes: inout AttributeMap) {
        let talkdesk = json[Self.schema]
        attributes[Attribute.roles] = talkdesk?["rolesString"]?.string.map { .list(Self.split($0)) }
        attributes[Attribute.teams] = talkdesk?["teamsString"]?.string.map { .list(Self.split($0)) }
    }

    /// Writes roles and teams as semicolon-separated strings.
    public func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool {
        guard let field = Self.field(attribute) else { return false }
        var talkdesk = object[Self.schema]?.object ?? [:]
        talkdesk[field] = Self.joined(value)
        object[Self.schema] = .object(talkdesk)
        return true
    }

    /// Replaces `rolesString` or `teamsString`.
    public func patch(_ attribute: String, _ value: AttributeValue?) -> PatchOperation? {
        guard let field = Self.field(attribute) else { return nil }
        return PatchOperation(.replace, path: "\(Self.schema):\(field)", value: Self.joined(value))
    }

    static func field(_ attribute: String) -> String? {
        switch attribute {
        case Attribute.roles: "rolesString"
        case Attribute.teams: "teamsString"
        default: nil
        }
    }

    static func split(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func joined(_ value: AttributeValue?) -> JSONValue {
        guard case .list(let names) = value else { return .string("") }
        return .string(names.joined(separator: ";"))
    }
}
