import Foundation
import RosterEmulators
import RosterModel

/// One running in-process emulator: the API handler, the login host for OAuth vendors, and what a client needs to
/// reach it.
struct EmbeddedEmulator: Sendable {
    /// Answers the API requests (SCIM; Five9's SOAP and SCIM).
    var api: any EmulatorHandler
    /// Answers `POST /oauth/token` for Genesys and Talkdesk.
    var login: (any EmulatorHandler)?
    /// The API's path prefix, as on the real service (`/api/v2/scim/v2`, `/identity/scim/{orgId}/v2`…).
    var pathPrefix: String
    /// The static bearer token it accepts (SCIM, Webex, 8x8).
    var token: String?
    /// The Five9 emulator, for its admin credentials and SCIM token.
    var five9: Five9Emulator?
    /// Injects a fault (tests and demonstrations of retries).
    var inject: @Sendable (FaultRule) async -> Void
    /// Saves the state and releases the folder.
    var close: @Sendable () async throws -> Void

    /// Wraps a generic SCIM emulator (or a vendor one built on it).
    init(
        scim: SCIMEmulator, api: (any EmulatorHandler)? = nil, login: (any EmulatorHandler)? = nil,
        pathPrefix: String, token: String?
    ) {
        self.api = api ?? scim
        self.login = login
        self.pathPrefix = pathPrefix
        self.token = token
        self.inject = { await scim.inject($0) }
        self.close = { try await scim.close() }
    }

    /// Wraps the Five9 emulator (SOAP at `/wsadmin/…`, SCIM at `/scim/v2`).
    init(five9: Five9Emulator) {
        self.api = five9
        self.pathPrefix = ""
        self.five9 = five9
        self.inject = { await five9.inject($0) }
        self.close = { try await five9.close() }
    }

    /// Builds the emulator of a provider's type from its seed, with state in `folder`.
    ///
    /// When the folder already holds saved state, only the seed's options and vendor settings are used: its users
    /// and groups are read past, never kept (at 50,000 people that would be a second copy of every user).
    static func make(for config: ProviderConfig, seedPath: String?, folder: URL?) async throws -> EmbeddedEmulator {
        let url = seedPath.map { URL(fileURLWithPath: $0) }
        let resources = folder.map { !SavedState.exists(in: $0) } ?? true
        switch config.type {
        case .scim:
            var options = SCIMEmulatorOptions()
            options.baseURL = "https://\(config.name).emulator.invalid"
            options.maxPageSize = 1_000
            let seed =
                try url.map { url throws(SCIMEmulatorError) in try SCIMSeed(contentsOf: url, resources: resources) }
                ?? .empty
            let emulator = try SCIMEmulator(options: options, seed: seed, stateDirectory: folder)
            return EmbeddedEmulator(scim: emulator, pathPrefix: "", token: emulator.options.token)
        case .five9:
            let emulator = try VendorEmulators.five9(
                seed: try vendorSeed(url, resources: resources), stateDirectory: folder)
            // The emulated domain has SAML SSO configured when the manifest declares it so.
            if config.settings["scimSSOReady"] == "true" { await emulator.setSSOReady(true) }
            return EmbeddedEmulator(five9: emulator)
        case .genesys:
            let vendor = try VendorEmulators.genesys(
                seed: try vendorSeed(url, resources: resources), stateDirectory: folder)
            return EmbeddedEmulator(
                scim: vendor.scim, api: vendor.api, login: vendor.login, pathPrefix: "/api/v2/scim/v2", token: nil)
        case .talkdesk:
            let vendor = try VendorEmulators.talkdesk(
                seed: try vendorSeed(url, resources: resources), stateDirectory: folder)
            return EmbeddedEmulator(
                scim: vendor.scim, api: vendor.api, login: vendor.login, pathPrefix: "/scim/v2", token: nil)
        case .webex:
            var seed = try vendorSeed(url, resources: resources)
            if let org = config.settings["orgId"] { seed = seed.defaulting("orgId", to: org) }
            let handler = try VendorEmulators.webex(seed: seed, stateDirectory: folder)
            let org = seed.vendorString("orgId") ?? VendorEmulators.defaultWebexOrgID
            return EmbeddedEmulator(
                scim: handler.scim, api: handler, pathPrefix: "/identity/scim/\(org)/v2",
                token: handler.scim.options.token)
        case .eightByEight:
            var seed = try vendorSeed(url, resources: resources)
            if let customer = config.settings["customerId"] { seed = seed.defaulting("customerId", to: customer) }
            let handler = try VendorEmulators.eightByEight(seed: seed, stateDirectory: folder)
            let customer = seed.vendorString("customerId") ?? VendorEmulators.defaultEightByEightCustomerID
            return EmbeddedEmulator(
                scim: handler.scim, api: handler, pathPrefix: "/udi/customers/\(customer)/scim/v2",
                token: handler.scim.options.token)
        }
    }

    private static func vendorSeed(_ url: URL?, resources: Bool) throws(SCIMEmulatorError) -> VendorSeed {
        guard let url else { return .empty }
        return try VendorSeed(contentsOf: url, resources: resources)
    }
}
