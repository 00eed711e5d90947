public import Foundation

extension VendorEmulators {
    /// The Talkdesk SCIM service at `/scim/v2`, with its login host.
    ///
    /// Login: `POST /oauth/token`, Basic client credentials, `grant_type=client_credentials`, `scope=scim`
    /// (optionally `token_type=opaque` and `expires_in`). API: Users only (`/Groups` is 404); the token may be sent
    /// with or without `Bearer `; the Talkdesk extension's `rolesString` / `teamsString` are semicolon-separated
    /// names; `userName` must be an email (400); more than `requestsPerSecond` requests in any sliding second of
    /// `clock` get 429 with `Retry-After`; a user created when no licence is free is stored with `active: false`.
    ///
    /// Seed `vendor` fields: `clients` (client id → secret, default `{"roster": "roster-secret"}`),
    /// `tokenLifetimeSeconds` (2592000), `requestsPerSecond` (4), `licences` (absent: unlimited), `roles` and
    /// `teams` (names that exist; `[]` accepts any).
    ///
    /// - Throws: `SCIMEmulatorError` for a bad seed or state folder.
    public static func talkdesk(
        seed: VendorSeed = .empty, stateDirectory: URL? = nil, clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SCIMEmulatorError) -> OAuthVendorEmulator {
        var fields = seed.fields()
        let clients = fields.stringMap("clients", default: [defaultClient.id: defaultClient.secret])
        let lifetime = fields.int("tokenLifetimeSeconds", default: 2_592_000, minimum: 1)
        var options = SCIMEmulatorOptions()
        options.requestsPerSecond = fields.int("requestsPerSecond", default: 4, minimum: 1)
        let rules = TalkdeskRules(
            roles: Set(fields.strings("roles")), teams: Set(fields.strings("teams")),
            licences: fields.optionalInt("licences"))
        try fields.finish()
        options.groups = .none
        options.extensionSchemas = [TalkdeskRules.schema]
        options.hooks.willStoreAmongUsers = { kind, user, old, users in try rules.willStore(kind, &user, old, users) }
        let scim = try SCIMEmulator(
            options: options, seed: seed.scim, stateDirectory: stateDirectory, clock: clock, now: now)
        let issuer = OAuthTokenIssuer(
            policy: .init(
                clients: clients, requiredScope: "scim", lifetime: .seconds(lifetime),
                maxRequestedLifetime: .seconds(400 * 86_400)),
            clock: EmulatorClock(clock))
        let gate = VendorSCIMHandler.Gate(issuer: issuer, acceptsTokenWithoutScheme: true)
        let api = VendorSCIMHandler(scim: scim, mount: VendorMount("/scim/v2"), gate: gate, clock: clock)
        return OAuthVendorEmulator(login: OAuthTokenEndpoint(issuer: issuer), api: api)
    }
}
