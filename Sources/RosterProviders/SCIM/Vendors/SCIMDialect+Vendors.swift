import RosterModel

extension SCIMDialect {
    /// Genesys Cloud (scim-vendors.md §1): groups exist but cannot be created or deleted; the unfiltered user list
    /// holds active users only; pages over 25 risk a 429; 300 requests a minute per client; roles, division,
    /// routing skills and languages by name; the manager by user id.
    public static let genesys = SCIMDialect(
        capabilities: ProviderCapabilities(
            kinds: [.user, .group, .membership], creatableKinds: [.user],
            attributes: GenesysAttributes().attributes,
            // 300 a minute is 5 a second; stay just under it so the sliding window never fills.
            pace: Pace(requestsPerSecond: 4.8, concurrency: 4),
            adminRoles: ["Master Admin", "admin"]),
        mapping: SCIMUserMapping(vendor: GenesysAttributes()), discover: false, pageSize: 25,
        inactiveUsersFilter: "active eq false")

    /// Cisco Webex (scim-vendors.md §2): full users and groups, `/Bulk` of at most 100 operations, DELETE is hard
    /// (deprovision deactivates by default), group members paged through `/Groups/{id}/Members`, unknown
    /// attributes dropped silently (every write is read back).
    public static let webex = SCIMDialect(
        capabilities: ProviderCapabilities(
            kinds: [.user, .group, .membership], creatableKinds: [.user, .group],
            attributes: WebexAttributes().attributes,
            pace: Pace(requestsPerSecond: 10, concurrency: 4), bulkMaxOperations: 100,
            adminRoles: ["id_full_admin", "id_user_admin"]),
        mapping: SCIMUserMapping(vendor: WebexAttributes()), discover: false, pageSize: 100, memberPageSize: 500,
        verifiesWrites: true)

    /// Talkdesk (scim-vendors.md §3): users only, userName is the email, 4 requests a second, PATCH only for
    /// `active` (other changes are a full PUT), and a user created without a free licence comes back inactive.
    public static let talkdesk = SCIMDialect(
        capabilities: ProviderCapabilities(
            kinds: [.user], creatableKinds: [.user], attributes: TalkdeskAttributes().attributes,
            patchableAttributes: ["active"], userNameIsEmail: true,
            // 4 in any sliding second, counted on arrival: leave room for jitter in transit.
            pace: Pace(requestsPerSecond: 3.5, concurrency: 2), callCosts: [.update: 2],
            adminRoles: ["Admin"]),
        mapping: SCIMUserMapping(vendor: TalkdeskAttributes()), discover: false, pageSize: 100,
        inactiveOnCreateReason:
            "Talkdesk creates users deactivated when no licence is free; free or buy a licence, then apply again to activate"
    )

    /// 8x8 (scim-vendors.md §4): users only; PATCH only for `active`, every other change a fetch-merge-PUT;
    /// userName and site are write-once; DELETE only deactivates; licences and directory visibility are set by hand.
    public static let eightByEight = SCIMDialect(
        capabilities: ProviderCapabilities(
            kinds: [.user], creatableKinds: [.user], attributes: EightByEightAttributes().attributes,
            writeOnceAttributes: [Attribute.site], patchableAttributes: ["active"], deprovisionModes: [.deactivate],
            pace: Pace(requestsPerSecond: 5, concurrency: 1), callCosts: [.update: 2],
            manualFollowUps: [
                .create: "assign an 8x8 licence and set directory visibility in Admin Console (not in the SCIM API)"
            ]),
        mapping: SCIMUserMapping(vendor: EightByEightAttributes()), discover: false, pageSize: 100)
}
