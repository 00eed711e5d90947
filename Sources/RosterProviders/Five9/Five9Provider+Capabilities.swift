public import RosterModel

extension Five9Provider {
    /// The canonical attributes a Five9 user holds: names, email and locale in `userGeneralInfo`, roles in
    /// `userRoles`, skills with levels as assignments of their own.
    ///
    /// Five9 has no title, department, time zone or manager; its `fullName` is derived from the names.
    public static let attributes: Set<String> = [
        Attribute.givenName, Attribute.familyName, Attribute.email, Attribute.locale, Attribute.roles,
        Attribute.skills,
    ]

    /// Five9's pace: one request in flight per admin user, 2 requests a second (under the Modify counter of 140 a
    /// minute), user-skill changes 3 seconds apart as Five9 advises (five9.md §2.3).
    public static let pace = Pace(requestsPerSecond: 2, concurrency: 1, spacing: [.userSkill: 3])

    /// What a Five9 provider can do.
    ///
    /// - Parameters:
    ///   - scimLifecycle: Whether users are created, deactivated and deleted through SCIM.
    ///   - ssoReady: Whether SAML SSO is configured; without it the SCIM lifecycle cannot create users, so the
    ///     planner reports every missing user instead of planning a create.
    public static func capabilities(scimLifecycle: Bool, ssoReady: Bool) -> ProviderCapabilities {
        var capabilities = ProviderCapabilities(
            kinds: [.user, .group, .skill, .membership, .userSkill],
            creatableKinds: scimLifecycle && !ssoReady ? [.group, .skill] : [.user, .group, .skill],
            attributes: attributes,
            deprovisionModes: [.deactivate, .delete],
            userSkillsAreSteps: true,
            catalogReferences: ["roles": Attribute.roles],
            ordering: ordering,
            pace: pace,
            // SCIM create: POST /Users, then getUsersInfo and modifyUser to set roles and locale through SOAP.
            callCosts: scimLifecycle ? [.create: 3] : [:],
            adminRoles: ["admin"])
        if scimLifecycle && !ssoReady {
            capabilities.notCreatableReasons[.user] =
                "Five9 SCIM provisions users only once SAML SSO is configured (set scim.ssoReady: true when it is)"
        }
        return capabilities
    }

    /// The standard rules, plus two for roles: an agent-group member needs the agent or supervisor role
    /// (`UserHasNoRequiredRoleFault`, five9.md §4.4), so a user's role change runs before the user joins a group
    /// and after the user leaves one.
    ///
    /// The standard rules already order a skill before its assignments, a user before its skills and groups, and
    /// skill and group removals before the user is deactivated or deleted.
    public static let ordering: [OrderingRule] =
        OrderingRule.standard + [
            OrderingRule(first: .init(.user, [.update]), then: .init(.membership, [.add])),
            OrderingRule(first: .init(.membership, [.remove]), then: .init(.user, [.update])),
        ]
}
