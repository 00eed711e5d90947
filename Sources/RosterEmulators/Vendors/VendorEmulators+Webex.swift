public import Foundation

extension VendorEmulators {
    /// The Cisco Webex SCIM service at `/identity/scim/{orgId}/v2`.
    ///
    /// The org id must be a UUID (400 otherwise, e.g. the base64 Webex id) and the seed's (404 otherwise); static
    /// Bearer token (the seed's `options.token`); core + enterprise + Cisco extension (`meta.organizationId` set);
    /// `userType` required on create; a primary work email must equal `userName`; the enterprise `manager.value` must
    /// be an existing user's id (400 `invalidValue`); full PATCH; groups with
    /// `/Groups/{id}/Members` paging (≤ 500); `/Bulk` with at most 100 POST/PATCH/DELETE operations; DELETE is
    /// a hard delete; unknown attributes are silently dropped; over `requestsPerSecond` → 429 + `Retry-After`.
    ///
    /// Seed `vendor` fields: `orgId` (default `"6f5a5b7e-2c1d-4e8f-9a0b-1c2d3e4f5a6b"`), `requestsPerSecond`
    /// (absent: no limit), `bulkMaxOperations` (100).
    ///
    /// - Throws: `SCIMEmulatorError` for a bad seed or state folder.
    public static func webex(
        seed: VendorSeed = .empty, stateDirectory: URL? = nil, clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SCIMEmulatorError) -> WebexSCIMHandler {
        var fields = seed.fields()
        let orgID = fields.string("orgId", default: defaultWebexOrgID).lowercased()
        var options = SCIMEmulatorOptions()
        options.requestsPerSecond = fields.optionalInt("requestsPerSecond", minimum: 1)
        options.bulkMaxOperations = fields.int("bulkMaxOperations", default: 100, minimum: 1)
        try fields.finish()
        guard UUID(uuidString: orgID) != nil else {
            throw SCIMEmulatorError(.invalidSeed, file: seed.source, problems: ["vendor.orgId must be a UUID"])
        }
        let rules = WebexRules(orgID: orgID)
        options.unknownAttributes = .drop
        options.extensionSchemas = [WebexRules.userSchema, WebexRules.groupSchema]
        options.hooks.willStore = { kind, resource, old in try rules.willStore(kind, &resource, old) }
        options.hooks.willStoreAmongUsers = { kind, resource, old, users in
            try WebexRules.checkManager(kind, resource, old, users)
        }
        options.hooks.willRoute = { request in try WebexRules.willRoute(request) }
        let scim = try SCIMEmulator(
            options: options, seed: seed.scim, stateDirectory: stateDirectory, clock: clock, now: now)
        let mount = VendorMount(segments: [
            .literal("identity"), .literal("scim"),
            .tenant { org in
                guard UUID(uuidString: org) != nil else {
                    return .badRequest(.invalidValue, "the org id must be a UUID (decode the base64 Webex id)")
                }
                return org.lowercased() == orgID ? nil : .notFound("organization \(org) not found")
            },
            .literal("v2"),
        ])
        return WebexSCIMHandler(inner: VendorSCIMHandler(scim: scim, mount: mount, clock: clock), mount: mount)
    }
}
