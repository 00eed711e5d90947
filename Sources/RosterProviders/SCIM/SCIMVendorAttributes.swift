public import RosterModel

/// A vendor's attributes beyond RFC 7643 core and enterprise: how they read into roster's vocabulary, how they are
/// written back, and the PATCH that changes them.
///
/// The generic mapping reads and writes first; a vendor then overrides what it does differently.
public protocol SCIMVendorAttributes: Sendable {
    /// The canonical attributes the vendor holds; only these are diffed and sent.
    var attributes: Set<String> { get }
    /// Schema URNs every written user declares.
    var schemas: [String] { get }
    /// Reads the vendor's attributes over the generic reading (adding, replacing or removing entries).
    func read(_ json: JSONValue, into attributes: inout AttributeMap)
    /// Writes one attribute; returns false to let the generic mapping write it.
    func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool
    /// The PATCH operation that sets one attribute, or nil for the generic one.
    func patch(_ attribute: String, _ value: AttributeValue?) -> PatchOperation?
    /// Fields a create needs that roster does not manage (Webex `userType`).
    func prepareCreate(_ object: inout [String: JSONValue])
}

extension SCIMVendorAttributes {
    /// Nothing beyond the generic attributes.
    public func read(_ json: JSONValue, into attributes: inout AttributeMap) {}
    /// Leaves every attribute to the generic mapping.
    public func write(_ attribute: String, _ value: AttributeValue?, to object: inout [String: JSONValue]) -> Bool {
        false
    }
    /// Leaves every attribute to the generic PATCH.
    public func patch(_ attribute: String, _ value: AttributeValue?) -> PatchOperation? { nil }
    /// Adds nothing.
    public func prepareCreate(_ object: inout [String: JSONValue]) {}
}
