/// SCIM schema URNs (RFC 7643) used by the generic mapping.
public enum SCIMSchema {
    /// Core user.
    public static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    /// Core group.
    public static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    /// Enterprise user extension.
    public static let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    /// List response.
    public static let listResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
}
