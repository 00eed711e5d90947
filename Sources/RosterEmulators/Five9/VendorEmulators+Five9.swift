public import Foundation

extension VendorEmulators {
    /// The Five9 admin web service (SOAP 1.1, `/wsadmin/v13/AdminWebService`) and Five9 SCIM (`/scim/v2`) over one
    /// domain, written from `vendors/five9.md` only.
    ///
    /// SOAP: HTTP Basic (401 with a JBoss HTML page otherwise); users with roles, skill levels and agent groups;
    /// skills; agent groups; the named faults of five9.md §1.7; calendar-aligned per-minute/hour/day counters for
    /// Query and Modify calls (`OperationsLimitExceededFault`); a second request in flight with the same
    /// credentials gets `UserAlreadyLoggedInFault`. SCIM: Bearer token; Users (creation refused with 403 while
    /// `ssoReady` is false); Groups are the agent groups.
    ///
    /// The seed's domain lives under `vendor` (top-level `users`/`groups` are refused):
    /// - `admins` (`[{"userName": "admin", "password": "admin-password"}]`), `scimToken` (`"five9-scim-token"`,
    ///   or the seed's `options.token`), `ssoReady` (false), `domainName` (`"Emulated Domain"`);
    /// - `skills`: `[{"name", "description", "messageOfTheDay", "routeVoiceMails", "inUse", "id"}]`;
    /// - `users`: `[{"userName", "firstName", "lastName", "EMail", "active", "extension", "federationId",
    ///   "locale", … (any userGeneralInfo field), "roles": ["agent"] or {"agent": {"permissions": [...] | "all",
    ///   "alwaysRecorded": false}, …}, "skills": {"Sales": 1}, "inUse", "externalId"}]`;
    /// - `agentGroups`: `[{"name", "description", "agents": ["userName"], "id"}]`;
    /// - `limits`: `{"query": {"perMinute": 450, "perHour": 15000, "perDay": 172800}, "modify": {"perMinute":
    ///   140, "perHour": 7200, "perDay": 172800}, "scope": "credential" | "domain", "oneRequestPerCredential":
    ///   true, "userSkillSpacingSeconds": 0}`;
    /// - `timeZone` (`"America/Los_Angeles"`, the windows' alignment), `patternMatching` (`"full"` | `"find"`),
    ///   `fullPermissionLists` (true), `requirePassword` (true), `minimalGeneratedExtension` (1000),
    ///   `passwordPolicy` (`{"minPasswordLength": 8, "minCapitalCharacters": 0, "minNumberCharacters": 1,
    ///   "minSpecialCharacters": 0}`).
    ///
    /// - Parameters:
    ///   - seed: The initial domain; with a state folder it is used only on first use.
    ///   - stateDirectory: If given, the state is loaded from and persisted to this folder.
    ///   - faults: Fault rules in force from the start (see `Five9Emulator.inject(_:)`).
    ///   - clock: The clock for the limit windows, injected latency and skill-change times.
    ///   - now: The wall time when the emulator starts; the limit windows are aligned to it plus `clock`'s time.
    /// - Throws: `SCIMEmulatorError` for a bad seed or state folder.
    public static func five9(
        seed: VendorSeed = .empty, stateDirectory: URL? = nil, faults: [FaultRule] = [],
        clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SCIMEmulatorError) -> Five9Emulator {
        guard seed.scim.userCount == 0, seed.scim.groupCount == 0 else {
            throw SCIMEmulatorError(
                .invalidSeed, file: seed.source,
                problems: [
                    "a Five9 seed lists its users, skills and agentGroups under \"vendor\", not at the top level"
                ])
        }
        var config = try Five9Configuration.read(seed.vendor, source: seed.source)
        if seed.vendor["scimToken"] == nil, let token = seed.scim.token { config.scimToken = token }
        let vendor = seed.vendor
        let source = seed.source
        let service = try Five9Service(
            config: config, initial: { () throws(SCIMEmulatorError) in try Five9Store.seeded(vendor, source: source) },
            stateDirectory: stateDirectory, faults: faults, clock: clock, now: now())
        return Five9Emulator(service: service, config: config)
    }
}
