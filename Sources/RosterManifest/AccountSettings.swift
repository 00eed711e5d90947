import RosterModel

/// One person's settings on one provider; `nil` means "not set here" so profile merging can tell.
struct AccountSettings {
    var userName: Located<String>?
    var active: Bool?
    var roles: [String]?
    var groups: [Located<String>]?
    var skills: [String: Int]?
    var languages: [String: Int]?
    var division: String?
    var site: String?
    var teams: [String]?

    /// Applies `other` on top: scalars → later wins; maps (skills, languages) → merged by key, later wins;
    /// lists (roles, groups, teams) → union in first-seen order.
    mutating func merge(_ other: AccountSettings) {
        if let value = other.userName { userName = value }
        if let value = other.active { active = value }
        if let value = other.division { division = value }
        if let value = other.site { site = value }
        roles = Self.union(roles, other.roles) { $0 }
        groups = Self.union(groups, other.groups) { $0.value }
        teams = Self.union(teams, other.teams) { $0 }
        if let value = other.skills { skills = (skills ?? [:]).merging(value) { _, later in later } }
        if let value = other.languages { languages = (languages ?? [:]).merging(value) { _, later in later } }
    }

    /// `first` followed by the items of `second` not yet in it; `nil` only when both are unset.
    private static func union<Item>(_ first: [Item]?, _ second: [Item]?, key: (Item) -> String) -> [Item]? {
        guard let second else { return first }
        guard var result = first, !result.isEmpty else { return second }
        if second.isEmpty { return result }
        var seen = Set(result.map(key))
        for item in second where seen.insert(key(item)).inserted { result.append(item) }
        return result
    }
}
