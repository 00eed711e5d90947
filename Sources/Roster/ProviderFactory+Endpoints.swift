import Foundation
import RosterModel
import RosterProviders

extension ProviderFactory {
    /// The real service's SCIM base: the manifest's `endpoint` when given, else built from the vendor setting that
    /// locates the tenant (scim-vendors.md §1.1, §2.1, §3.1, §4.1).
    static func endpoint(for config: ProviderConfig) throws -> SCIMEndpoint {
        let url: String
        if let endpoint = config.endpoint {
            url = endpoint
        } else {
            switch config.type {
            case .genesys: url = "https://api.\(try setting("region", of: config))/api/v2/scim/v2"
            case .webex: url = "https://webexapis.com/identity/scim/\(try setting("orgId", of: config))/v2"
            case .talkdesk: url = "https://api.talkdeskapp.com/scim/v2"
            case .eightByEight:
                url = "https://platform.8x8.com/udi/customers/\(try setting("customerId", of: config))/scim/v2"
            case .scim, .five9: url = ""
            }
        }
        guard let endpoint = SCIMEndpoint(url: url) else {
            throw RosterError(.usage, "provider \(config.name): endpoint '\(url)' is not an http(s) URL")
        }
        return endpoint
    }

    /// The OAuth token endpoint: the manifest's `tokenEndpoint`, else Genesys's login host for the API's region (`api.` → `login.`), Talkdesk's
    /// account host in the API's region.
    static func tokenURL(for config: ProviderConfig, api: SCIMEndpoint) throws -> URL {
        let text: String
        switch config.type {
        case _ where config.settings["tokenEndpoint"] != nil:
            text = config.settings["tokenEndpoint"] ?? ""
        case .talkdesk:
            let account = try setting("account", of: config)
            let domain =
                api.authority.hasSuffix(".eu")
                ? "talkdeskid.eu"
                : api.authority.hasSuffix("talkdeskappca.com") ? "talkdeskidca.com" : "talkdeskid.com"
            text = "https://\(account).\(domain)/oauth/token"
        default:
            let host = api.authority.hasPrefix("api.") ? "login." + api.authority.dropFirst(4) : api.authority
            text = "\(api.scheme)://\(host)/oauth/token"
        }
        guard let url = URL(string: text) else {
            throw RosterError(.usage, "provider \(config.name): cannot build the token endpoint '\(text)'")
        }
        return url
    }

    private static func setting(_ key: String, of config: ProviderConfig) throws -> String {
        guard let value = config.settings[key], !value.isEmpty else {
            throw RosterError(.usage, "provider \(config.name): '\(key)' is required to reach \(config.type)")
        }
        return value
    }
}
