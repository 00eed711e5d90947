public import Foundation
import HTTPTypes

extension VendorEmulators {
    /// The Genesys Cloud SCIM service at `/api/v2/scim/v2`, with its login host.
    ///
    /// Login: `POST /oauth/token`, Basic client credentials, `grant_type=client_credentials`; tokens expire after
    /// `tokenLifetimeSeconds` on `clock`. API: the Genesys user extension (routing skills and languages, external
    /// ids with the immutable `x-pc:scimv2:v1` one added), enterprise division by name and manager by user id,
    /// roles by name, all checked against the seed's catalog (400 `invalidValue`); groups can only be read and
    /// changed (POST/DELETE 405); an unfiltered user list holds active users only; a stale `If-Match` is 400
    /// `invalidVers`; `count` over `pageSizeLimit` is 429; each client gets `requestsPerMinute` (429 +
    /// `Retry-After` above it).
    ///
    /// Seed `vendor` fields: `clients` (client id → secret, default `{"roster": "roster-secret"}`),
    /// `tokenLifetimeSeconds` (86400), `requestsPerMinute` (300), `pageSizeLimit` (25), `divisions` (`["Home"]`,
    /// the first is the default), `roles` (`["employee"]`), `routingSkills` (`[]`), `routingLanguages` (`[]`).
    ///
    /// - Throws: `SCIMEmulatorError` for a bad seed or state folder.
    public static func genesys(
        seed: VendorSeed = .empty, stateDirectory: URL? = nil, clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SCIMEmulatorError) -> OAuthVendorEmulator {
        var fields = seed.fields()
        let clients = fields.stringMap("clients", default: [defaultClient.id: defaultClient.secret])
        let lifetime = fields.int("tokenLifetimeSeconds", default: 86_400, minimum: 1)
        let perMinute = fields.int("requestsPerMinute", default: 300, minimum: 1)
        let pageLimit = fields.int("pageSizeLimit", default: 25, minimum: 1)
        let rules = GenesysRules(
            divisions: fields.strings("divisions", default: ["Home"]),
            roles: Set(fields.strings("roles", default: ["employee"])),
            skills: Set(fields.strings("routingSkills")), languages: Set(fields.strings("routingLanguages")))
        try fields.finish()
        let options = genesysOptions(rules: rules, pageLimit: pageLimit)
        let scim = try SCIMEmulator(
            options: options, seed: seed.scim, stateDirectory: stateDirectory, clock: clock, now: now)
        let issuer = OAuthTokenIssuer(
            policy: .init(clients: clients, requiredScope: nil, lifetime: .seconds(lifetime)),
            clock: EmulatorClock(clock))
        let gate = VendorSCIMHandler.Gate(issuer: issuer, perClientLimit: (perMinute, .seconds(60)))
        let api = VendorSCIMHandler(scim: scim, mount: VendorMount("/api/v2/scim/v2"), gate: gate, clock: clock)
        return OAuthVendorEmulator(login: OAuthTokenEndpoint(issuer: issuer), api: api)
    }

    private static func genesysOptions(rules: GenesysRules, pageLimit: Int) -> SCIMEmulatorOptions {
        var options = SCIMEmulatorOptions()
        options.defaultPageSize = pageLimit
        options.staleVersion = .invalidVersion
        options.unfilteredListExcludesInactiveUsers = true
        options.groups = .membershipOnly
        options.acceptsUnquotedFilterValues = true
        options.extensionSchemas = [GenesysRules.schema]
        options.hooks.willStoreAmongUsers = { kind, user, old, users in try rules.willStore(kind, &user, old, users) }
        options.hooks.willRoute = { request in
            guard request.method == .get, let count = request.query["count"].flatMap(Int.init), count > pageLimit
            else { return }
            var error = SCIMError(
                status: 429, scimType: nil, detail: "a page size over \(pageLimit) exceeds internal resource limits")
            error.headers[.retryAfter] = "1"
            throw error
        }
        return options
    }
}
