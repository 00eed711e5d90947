import Foundation
import RosterEmulators
import RosterModel

/// One running in-process emulator: the API handler, the login host for OAuth vendors, and what a client needs to
/// reach it.
struct EmbeddedEmulator: Sendable {
    /// Answers the API (SCIM) requests.
    var api: any EmulatorHandler
    /// Answers `POST /oauth/token` for Genesys and Talkdesk.
    var login: (any EmulatorHandler)?
    /// The API's path prefix, as on the real service (`/api/v2/scim/v2`, `/identity/scim/{orgId}/v2`…).
    var pathPrefix: String
    /// The static bearer token it accepts (SCIM, Webex, 8x8).
    var token: String?
    /// The generic emulator underneath (stats, faults, state).
    var scim: SCIMEmulator

    /// Builds the emulator of a provider's type from its seed, with state in `folder`.
    static func make(
        for config: ProviderConfig, seedPath: String?, folder: URL?
    ) throws(SCIMEmulatorError) -> EmbeddedEmulator {
        let url = seedPath.map { URL(fileURLWithPath: $0) }
        switch config.type {
        case .scim, .five9:
            var options = SCIMEmulatorOptions()
            options.baseURL = "https://\(config.name).emulator.invalid"
            options.maxPageSize = 1_000
            let seed = try url.map { url throws(SCIMEmulatorError) in try SCIMSeed(contentsOf: url) } ?? .empty
            let emulator = try SCIMEmulator(options: options, seed: seed, stateDirectory: folder)
            return EmbeddedEmulator(api: emulator, pathPrefix: "", token: emulator.options.token, scim: emulator)
        case .genesys:
            let vendor = try VendorEmulators.genesys(seed: try vendorSeed(url), stateDirectory: folder)
            return EmbeddedEmulator(
                api: vendor.api, login: vendor.login, pathPrefix: "/api/v2/scim/v2", scim: vendor.scim)
        case .talkdesk:
            let vendor = try VendorEmulators.talkdesk(seed: try vendorSeed(url), stateDirectory: folder)
            return EmbeddedEmulator(api: vendor.api, login: vendor.login, pathPrefix: "/scim/v2", scim: vendor.scim)
        case .webex:
            var seed = try vendorSeed(url)
            if let org = config.settings["orgId"] { seed = seed.defaulting("orgId", to: org) }
            let handler = try VendorEmulators.webex(seed: seed, stateDirectory: folder)
            let org = seed.vendorString("orgId") ?? VendorEmulators.defaultWebexOrgID
            return EmbeddedEmulator(
                api: handler, pathPrefix: "/identity/scim/\(org)/v2", token: handler.scim.options.token,
                scim: handler.scim)
        case .eightByEight:
            var seed = try vendorSeed(url)
            if let customer = config.settings["customerId"] { seed = seed.defaulting("customerId", to: customer) }
            let handler = try VendorEmulators.eightByEight(seed: seed, stateDirectory: folder)
            let customer = seed.vendorString("customerId") ?? VendorEmulators.defaultEightByEightCustomerID
            return EmbeddedEmulator(
                api: handler, pathPrefix: "/udi/customers/\(customer)/scim/v2", token: handler.scim.options.token,
                scim: handler.scim)
        }
    }

    private static func vendorSeed(_ url: URL?) throws(SCIMEmulatorError) -> VendorSeed {
        guard let url else { return .empty }
        return try VendorSeed(contentsOf: url)
    }
}
