import RosterModel

/// What the manifest allows per platform. Sources: the manifest spec, DESIGN §3 and §5, and the vendor notes
/// (`vendors/scim-vendors.md` for Genesys, Webex, Talkdesk, 8x8; `vendors/five9.md` for Five9).
extension ProviderType {
    /// Provider keys beyond the common ones: the setting that locates the tenant, or Five9's SCIM block.
    var settingKeys: [String] {
        switch self {
        case .genesys: ["region", "tokenEndpoint"]
        case .webex: ["orgId"]
        case .talkdesk: ["account", "tokenEndpoint"]
        case .eightByEight: ["customerId"]
        case .five9: ["scim"]
        case .scim: []
        }
    }

    /// The credential names the platform uses; all of them are required outside the emulator.
    var credentialNames: [String] {
        switch self {
        case .scim, .webex, .eightByEight: ["token"]
        case .genesys, .talkdesk: ["clientId", "clientSecret"]
        case .five9: ["username", "password"]
        }
    }

    /// Account settings the platform accepts.
    var accountKeys: [String] {
        switch self {
        case .scim: AccountKeys.scim
        case .five9: AccountKeys.five9
        case .genesys: AccountKeys.genesys
        case .talkdesk: AccountKeys.talkdesk
        case .eightByEight: AccountKeys.eightByEight
        case .webex: AccountKeys.webex
        }
    }

    /// Why an account setting that exists elsewhere is impossible here, for the features a vendor lacks.
    func unsupportedReason(forAccountKey key: String) -> String? {
        switch (self, key) {
        case (.talkdesk, "groups"), (.talkdesk, "skills"):
            // scim-vendors.md §3: Talkdesk SCIM exposes Users only (no Groups, no skills).
            return "talkdesk supports users only; '\(key)' cannot be set on a talkdesk account"
        case (.eightByEight, "roles"), (.eightByEight, "groups"), (.eightByEight, "skills"):
            // scim-vendors.md §4: 8x8 SCIM has users with a site, and no roles, groups or skills.
            return "8x8 SCIM has no \(key); '\(key)' cannot be set on an 8x8 account"
        default:
            return nil
        }
    }

    /// Whether groups can live on the platform (Talkdesk and 8x8 have none: DESIGN §5, scim-vendors.md).
    var supportsGroups: Bool {
        switch self {
        case .five9, .genesys, .webex, .scim: true
        case .talkdesk, .eightByEight: false
        }
    }

    /// Whether the platform has skills a manifest declares (Five9 skills, Genesys routing skills).
    var supportsSkills: Bool {
        switch self {
        case .five9, .genesys: true
        case .webex, .talkdesk, .eightByEight, .scim: false
        }
    }

    /// Whether the platform has roles (8x8 SCIM has none).
    var supportsRoles: Bool { self != .eightByEight }

    /// Whether the platform's userName must be an e-mail address: Talkdesk (spec; scim-vendors.md §3 "userName:
    /// the user's email; required"), Webex (§2 "userName: the primary email") and Genesys (§1 "the Genesys email").
    var userNameIsEmail: Bool {
        switch self {
        case .talkdesk, .webex, .genesys: true
        case .five9, .eightByEight, .scim: false
        }
    }

    /// The inclusive range of skill levels or proficiencies: Five9 1..10 with 1 the highest priority
    /// (five9.md §3.4 `userSkill.level`), Genesys 0..5 (scim-vendors.md §1 routingSkills proficiency 0.0–5.0).
    var skillLevels: ClosedRange<Int>? {
        switch self {
        case .five9: 1...10
        case .genesys: 0...5
        case .webex, .talkdesk, .eightByEight, .scim: nil
        }
    }

    /// The roles Five9 knows (its `userRoles` elements; five9.md §3.3); `nil` where roles are free names.
    var fixedRoles: [String]? { self == .five9 ? ["agent", "supervisor", "admin", "reporting"] : nil }
}

/// Account keys per platform (static, since they are checked for every account).
enum AccountKeys {
    static let scim = ["userName", "active", "roles", "groups"]
    static let five9 = ["userName", "active", "roles", "skills", "groups"]
    static let genesys = ["userName", "active", "division", "roles", "skills", "languages", "groups"]
    static let talkdesk = ["userName", "active", "roles", "teams"]
    static let eightByEight = ["userName", "active", "site"]
    static let webex = ["userName", "active", "roles", "groups"]
}

/// Keys allowed in each part of a manifest (camelCase everywhere).
enum ManifestKeys {
    static let topLevel = ["version", "policy", "providers", "skills", "roles", "profiles", "people", "groups"]
    static let policy = ["prune", "deprovision", "protect", "limits", "adopt"]
    static let limits = ["deprovisionShare", "assignmentRemovalShare", "maxDeletes", "minPopulation"]
    static let providerCommon = ["type", "endpoint", "emulator", "credentials", "policy", "pace"]
    static let providerSettings = ["region", "orgId", "account", "customerId", "scim", "tokenEndpoint"]
    static let providerAll = providerCommon + providerSettings
    static let emulator = ["seed"]
    static let pace = ["requestsPerSecond", "concurrency"]
    static let secretReference = ["env", "file"]
    static let five9SCIM = ["token", "ssoReady"]
    static let person = [
        "userName", "givenName", "familyName", "displayName", "email", "title", "department", "locale", "timezone",
        "phone", "manager", "active", "profiles", "accounts",
    ]
    static let group = ["name", "on", "members", "description"]
    static let skill = ["name", "description"]
    /// Every account key of every platform, to tell "wrong platform" from "typo".
    static let accountAll = [
        "userName", "active", "roles", "groups", "skills", "division", "languages", "teams", "site",
    ]
    /// Provider types by their manifest spelling.
    static let providerTypes = ProviderType.allCases.map(\.rawValue)
}
