import Foundation
import RosterEmulators
import RosterModel
import RosterProviders

/// One vendor's emulator with its documented limits, and the manifest that points roster at it over loopback.
struct VendorSetup {
    let vendor: String
    let api: any EmulatorHandler
    let login: (any EmulatorHandler)?
    /// The vendor block's lines after `endpoint`, given the server root.
    let block: (String) -> String
    /// The account every person gets.
    let account: String
    let environment: [String: String]
    let pace: Double
    let limit: String

    init(vendor: String) throws {
        self.vendor = vendor
        let client = VendorEmulators.defaultClient
        let oauth = ["BENCH_CLIENT_ID": client.id, "BENCH_CLIENT_SECRET": client.secret]
        let oauthLines =
            "    credentials: { clientId: { env: BENCH_CLIENT_ID }, clientSecret: { env: BENCH_CLIENT_SECRET } }\n"
        switch vendor {
        case "five9":
            let emulator = try VendorEmulators.five9(seed: .empty)
            (api, login, account) = (emulator, nil, "{ roles: [agent] }")
            block = { "    type: five9\n    endpoint: \($0)/five9\n" }
            environment = ["BENCH_USER": emulator.adminUserName, "BENCH_PASSWORD": emulator.adminPassword]
            // Five9 is paced by its counters (Five9CallBudget): modify calls at 140 a minute.
            (pace, limit) = (140.0 / 60, "modify 140/min, query 450/min, 1 in flight")
        case "genesys":
            let emulator = try VendorEmulators.genesys()
            (api, login, account) = (emulator.api, emulator.login, "{ roles: [employee] }")
            block = {
                "    type: genesys\n    endpoint: \($0)/genesys/api/v2/scim/v2\n"
                    + "    tokenEndpoint: \($0)/genesys-login/oauth/token\n" + oauthLines
            }
            environment = oauth
            (pace, limit) = (SCIMDialect.genesys.capabilities.pace.requestsPerSecond, "300/min per client")
        case "talkdesk":
            let emulator = try VendorEmulators.talkdesk()
            (api, login, account) = (emulator.api, emulator.login, "{ roles: [Agent] }")
            block = {
                "    type: talkdesk\n    account: acme\n    endpoint: \($0)/talkdesk/scim/v2\n"
                    + "    tokenEndpoint: \($0)/talkdesk-login/oauth/token\n" + oauthLines
            }
            environment = oauth
            (pace, limit) = (SCIMDialect.talkdesk.capabilities.pace.requestsPerSecond, "4 in any second")
        case "webex":
            let emulator = try VendorEmulators.webex()
            (api, login, account) = (emulator, nil, "{}")
            let org = VendorEmulators.defaultWebexOrgID
            block = { "    type: webex\n    orgId: \(org)\n    endpoint: \($0)/webex/identity/scim/\(org)/v2\n" }
            environment = ["BENCH_TOKEN": emulator.scim.options.token]
            (pace, limit) = (SCIMDialect.webex.capabilities.pace.requestsPerSecond, "none (emulator default)")
        default:
            let emulator = try VendorEmulators.eightByEight()
            (api, login, account) = (emulator, nil, "{ site: Boston }")
            let customer = VendorEmulators.defaultEightByEightCustomerID
            block = {
                "    type: 8x8\n    customerId: \"\(customer)\"\n    endpoint: \($0)/x8/udi/customers/\(customer)/scim/v2\n"
            }
            environment = ["BENCH_TOKEN": emulator.scim.options.token]
            (pace, limit) = (SCIMDialect.eightByEight.capabilities.pace.requestsPerSecond, "none (emulator default)")
        }
    }

    /// A manifest of `people` people on this vendor only, none of whom exists yet: `people` create steps.
    func manifest(root: String, people: Int) -> String {
        var text = "version: 1\nproviders:\n  \(vendor):\n" + block(root)
        switch vendor {
        case "five9": text += "    credentials: { username: { env: BENCH_USER }, password: { env: BENCH_PASSWORD } }\n"
        case "webex", "x8": text += "    credentials: { token: { env: BENCH_TOKEN } }\n"
        default: break
        }
        text += "people:\n"
        for index in 0..<people {
            text += "  - { userName: new\(index)@acme.example, givenName: New, familyName: Hire\(index), "
            text += "email: new\(index)@acme.example, accounts: { \(vendor): \(account) } }\n"
        }
        return text
    }
}
