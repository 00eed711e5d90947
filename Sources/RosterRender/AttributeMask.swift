import RosterModel

/// Which attribute values a masked rendering may show.
///
/// Shown: the userName-like keys that identify the account and access settings a reviewer must see (active,
/// roles, skills, languages, division, teams, site, members, level). Masked: everything else, personal data
/// such as names, emails, phone, title, department, manager, locale and time zone, and any attribute roster
/// does not know yet, so a new attribute is masked until someone decides otherwise.
enum AttributeMask {
    /// What a masked value prints as.
    static let placeholder = "(masked)"

    /// Attribute names whose values stay visible when masking.
    static let visible: Set<String> = [
        "userName", "active", "members", "level", Attribute.roles, Attribute.skills, Attribute.languages,
        Attribute.division, Attribute.teams, Attribute.site,
    ]

    /// Whether the value of `name` stays visible when masking.
    static func isVisible(_ name: String) -> Bool { visible.contains(name) }
}
