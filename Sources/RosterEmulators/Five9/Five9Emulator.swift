public import Foundation
public import HTTPTypes

/// The Five9 emulator: the SOAP admin web service and the Five9 SCIM service over one domain, so that a user
/// created through SCIM is seen by `getUsersInfo` and the other way round.
///
/// As a handler itself it serves both faces on one host, as `api.five9.com` does: paths under `/wsadmin/` go to
/// `soap`, everything else to `scim` (under `/scim/v2`). Create it with `VendorEmulators.five9(...)`.
public struct Five9Emulator: EmulatorHandler {
    /// The SOAP 1.1 admin web service at `/wsadmin/v13/AdminWebService`.
    public let soap: Five9SOAPHandler
    /// The Five9 SCIM 2.0 service at `/scim/v2` (Users; Groups = agent groups).
    public let scim: Five9SCIMHandler
    /// The admin user name of the seed's first admin (`admin` by default), for HTTP Basic.
    public let adminUserName: String
    /// That admin's password (`admin-password` by default).
    public let adminPassword: String
    /// The SCIM Bearer token (`five9-scim-token` by default).
    public let scimToken: String
    let service: Five9Service

    init(service: Five9Service, config: Five9Configuration) {
        self.service = service
        soap = Five9SOAPHandler(service: service)
        scim = Five9SCIMHandler(service: service)
        let admin = config.admins.keys.sorted().first { $0 == "admin" } ?? config.admins.keys.sorted().first ?? ""
        adminUserName = admin
        adminPassword = config.admins[admin] ?? ""
        scimToken = config.scimToken
    }

    /// Answers a request for either face: `/wsadmin/…` is SOAP, anything else SCIM.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        if (request.path ?? "/").hasPrefix("/wsadmin/") { return await soap.handle(request, body: body) }
        return await scim.handle(request, body: body)
    }

    /// Compacts the state folder and closes it; later requests are answered 503.
    ///
    /// - Throws: `SCIMEmulatorError.Kind.io` if the snapshot cannot be written.
    public func close() async throws(SCIMEmulatorError) {
        try await service.close()
    }

    /// Writes a fresh snapshot and empties the journal (no-op without a state folder).
    ///
    /// - Throws: `SCIMEmulatorError.Kind.io` if the snapshot cannot be written.
    public func compact() async throws(SCIMEmulatorError) {
        try await service.compact()
    }

    /// Request, fault and pacing counters.
    public var stats: Five9Stats {
        get async { await service.stats }
    }

    /// Every user in creation order, with `agentGroups` filled in.
    public func users() async -> [Five9User] {
        await service.allUsers()
    }

    /// The user named `userName` (case-sensitive), with `agentGroups` filled in.
    public func user(_ userName: String) async -> Five9User? {
        await service.user(named: userName)
    }

    /// Every skill in creation order.
    public func skills() async -> [Five9Skill] {
        await service.store.skills.all
    }

    /// Every agent group in creation order, with members.
    public func agentGroups() async -> [Five9AgentGroup] {
        await service.store.groups.all
    }

    /// The calls of `category` (`"Query"` or `"Modify"`) counted in the current minute, hour or day window
    /// (`60`, `3600`, `86400` seconds) for `admin` (or the domain, when the seed counts per domain).
    public func callCount(_ category: String, windowSeconds: Int, admin: String = "admin") async -> Int? {
        guard let category = Five9CallCounters.Category(rawValue: category),
            let window = Five9CallCounters.Window(rawValue: windowSeconds)
        else { return nil }
        return await service.callCount(category, window, admin: admin)
    }

    /// Adds a fault rule.
    ///
    /// SOAP requests are matched with the path `/<operation>` (`pathPrefix: "/createUser"`,
    /// `"/userSkill"` for all three skill-membership calls) and method POST; SCIM requests with their path
    /// (`/scim/v2/Users…`). A 500 is answered as a `ServerFault`, a 503 as a `ServiceUnavailableFault`, other
    /// codes as a gateway's HTML page (SOAP) or a SCIM error.
    public func inject(_ rule: FaultRule) async {
        await service.inject(rule)
    }

    /// Removes every fault rule.
    public func clearFaults() async {
        await service.clearFaults()
    }

    /// Declares the domain's SAML SSO configured or not (SCIM `POST /Users` is refused while it is not).
    public func setSSOReady(_ ready: Bool) async {
        await service.setSSOReady(ready)
    }
}

/// The SOAP face of a `Five9Emulator`.
public struct Five9SOAPHandler: EmulatorHandler {
    let service: Five9Service

    /// Answers one POST to `/wsadmin/v13/AdminWebService` (or `/wsadmin/AdminWebService`, trailing slash and query
    /// ignored); see `VendorEmulators.five9`.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        await service.soap(request, body: body)
    }
}

/// The SCIM face of a `Five9Emulator`.
public struct Five9SCIMHandler: EmulatorHandler {
    let service: Five9Service

    /// Answers one request under `/scim/v2`; see `VendorEmulators.five9`.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        await service.scim(request, body: body)
    }
}

extension Five9Service {
    /// Every user with agent groups filled in.
    func allUsers() -> [Five9User] {
        store.users.all.map(userWithGroups)
    }

    /// One user with agent groups filled in.
    func user(named userName: String) -> Five9User? {
        store.users[userName].map(userWithGroups)
    }
}
