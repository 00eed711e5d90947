/// The canonical, vendor-neutral attribute names a user can carry.
///
/// Providers map these to their wire shapes.
///
/// Attributes not in a provider's `ProviderCapabilities.attributes` are never sent to it and never diffed.
public enum Attribute {
    /// Given (first) name.
    public static let givenName = "givenName"
    /// Family (last) name.
    public static let familyName = "familyName"
    /// Display name; defaults to "given family".
    public static let displayName = "displayName"
    /// The one primary work email.
    public static let email = "email"
    /// Job title.
    public static let title = "title"
    /// Department (enterprise extension).
    public static let department = "department"
    /// Locale, for example `en-US`.
    public static let locale = "locale"
    /// IANA time zone, for example `America/New_York`.
    public static let timezone = "timezone"
    /// Work phone number.
    public static let phone = "phone"
    /// Platform roles (a list).
    public static let roles = "roles"
    /// Skills with levels or proficiencies (Five9 skills, Genesys routing skills).
    public static let skills = "skills"
    /// Languages with proficiencies (Genesys).
    public static let languages = "languages"
    /// Genesys division, by name.
    public static let division = "division"
    /// 8x8 site, by name (write-once).
    public static let site = "site"
    /// Talkdesk teams (a list).
    public static let teams = "teams"
    /// Manager's userName (enterprise extension).
    public static let manager = "manager"
}
