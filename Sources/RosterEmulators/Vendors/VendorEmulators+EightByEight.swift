public import Foundation

extension VendorEmulators {
    /// The 8x8 SCIM service at `/udi/customers/{customerId}/scim/v2`.
    ///
    /// Static Bearer token (the seed's `options.token`); PATCH may change only `active`; `userName` and the 8x8
    /// `site` are write-once (400 `mutability`); DELETE deactivates; exactly one work email; no `/Groups`; tokens
    /// in `vendor.readOnlyTokens` (further clients) may only read (403 on writes).
    ///
    /// Seed `vendor` fields: `customerId` (default `"0012345678"`), `readOnlyTokens` (`[]`), `sites` (site names
    /// that exist; `[]` accepts any), `patchableAttributes` (`["active"]`).
    ///
    /// - Throws: `SCIMEmulatorError` for a bad seed or state folder.
    public static func eightByEight(
        seed: VendorSeed = .empty, stateDirectory: URL? = nil, clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SCIMEmulatorError) -> VendorSCIMHandler {
        var fields = seed.fields()
        let customerID = fields.string("customerId", default: defaultEightByEightCustomerID)
        var options = SCIMEmulatorOptions()
        options.readOnlyTokens = Set(fields.strings("readOnlyTokens"))
        options.patchableUserAttributes = Set(fields.strings("patchableAttributes", default: ["active"]))
        let rules = EightByEightRules(sites: Set(fields.strings("sites")))
        try fields.finish()
        options.groups = .none
        options.userDelete = .deactivate
        options.extensionSchemas = [EightByEightRules.schema]
        options.hooks.willStore = { kind, user, old in try rules.willStore(kind, &user, old) }
        let scim = try SCIMEmulator(
            options: options, seed: seed.scim, stateDirectory: stateDirectory, clock: clock, now: now)
        let mount = VendorMount(segments: [
            .literal("udi"), .literal("customers"),
            .tenant { $0 == customerID ? nil : SCIMError.notFound("customer \($0) not found") },
            .literal("scim"), .literal("v2"),
        ])
        return VendorSCIMHandler(scim: scim, mount: mount, clock: clock)
    }
}
