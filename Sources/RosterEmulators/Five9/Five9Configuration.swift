import Foundation

/// How the Five9 emulator behaves: credentials, limits and switches, read from the seed's `vendor` object.
struct Five9Configuration: Sendable {
    /// Admin user name → password for HTTP Basic on the SOAP service.
    var admins: [String: String] = ["admin": "admin-password"]
    /// The SCIM Bearer token.
    var scimToken = "five9-scim-token"
    /// Whether the domain's SAML SSO is configured (SCIM user creation is refused otherwise).
    var ssoReady = false
    /// `vccConfiguration.domainName`.
    var domainName = "Emulated Domain"
    /// The per-minute/hour/day limits.
    var limits = Five9CallCounters.Limits.documented
    /// Counters per admin user (true) or for the whole domain (false) (five9.md §2.1: unconfirmed).
    var countersPerCredential = true
    /// A second concurrent request with the same credentials is refused (five9.md §1.6).
    var oneRequestPerCredential = true
    /// If above zero, `userSkill*` calls closer together than this are refused (five9.md §2.3: advice only).
    var userSkillSpacing: Duration = .zero
    /// The data center's time zone, to which the limit windows are aligned.
    var timeZone = TimeZone(identifier: "America/Los_Angeles") ?? TimeZone(secondsFromGMT: -8 * 3_600)!
    /// How `*NamePattern` arguments match.
    var patternMode = Five9NamePattern.Mode.full
    /// Roles list every permission type with its value (true, the service's way) or only granted ones.
    var fullPermissionLists = true
    /// Password policy and generated extensions.
    var rules = Five9Rules()
    /// The largest SCIM page.
    var scimMaxPageSize = 1_000

    /// Reads the `vendor` object of a seed, collecting every problem.
    static func read(_ vendor: JSONObject, source: String) throws(SCIMEmulatorError) -> Five9Configuration {
        var reader = Five9SeedFields(vendor)
        var config = Five9Configuration()
        config.admins = reader.admins() ?? config.admins
        config.scimToken = reader.string("scimToken") ?? config.scimToken
        config.ssoReady = reader.bool("ssoReady") ?? false
        config.domainName = reader.string("domainName") ?? config.domainName
        config.fullPermissionLists = reader.bool("fullPermissionLists") ?? true
        config.rules.requiresPassword = reader.bool("requirePassword") ?? true
        if let first = reader.int("minimalGeneratedExtension", minimum: 0) {
            config.rules.minimalGeneratedExtension = first
        }
        if let mode = reader.string("patternMatching") {
            if let parsed = Five9NamePattern.Mode(rawValue: mode) {
                config.patternMode = parsed
            } else {
                reader.problem("vendor.patternMatching must be \"full\" or \"find\"")
            }
        }
        if let zone = reader.string("timeZone") {
            if let parsed = TimeZone(identifier: zone) {
                config.timeZone = parsed
            } else {
                reader.problem("vendor.timeZone '\(zone)' is not a known time zone identifier")
            }
        }
        reader.passwordPolicy(into: &config.rules.passwordPolicy)
        reader.limits(into: &config)
        reader.ignore(["users", "skills", "agentGroups"])
        try reader.finish(source: source)
        return config
    }
}

/// Reads the simple `vendor` fields of a Five9 seed, collecting problems and refusing unknown fields.
struct Five9SeedFields {
    private let fields: JSONObject
    private var read: Set<String> = []
    private var problems: [String] = []

    init(_ fields: JSONObject) {
        self.fields = fields
    }

    mutating func problem(_ text: String) {
        problems.append(text)
    }

    /// Marks fields read elsewhere.
    mutating func ignore(_ keys: [String]) {
        read.formUnion(keys)
    }

    mutating func string(_ key: String, in object: JSONObject? = nil, at path: String = "vendor") -> String? {
        if object == nil { read.insert(key) }
        guard let value = (object ?? fields)[key] else { return nil }
        guard case .string(let text) = value, !text.isEmpty else {
            problem("\(path).\(key) must be a non-empty string")
            return nil
        }
        return text
    }

    mutating func bool(_ key: String, in object: JSONObject? = nil, at path: String = "vendor") -> Bool? {
        if object == nil { read.insert(key) }
        guard let value = (object ?? fields)[key] else { return nil }
        guard case .bool(let flag) = value else {
            problem("\(path).\(key) must be true or false")
            return nil
        }
        return flag
    }

    mutating func int(
        _ key: String, minimum: Int, in object: JSONObject? = nil, at path: String = "vendor"
    ) -> Int? {
        if object == nil { read.insert(key) }
        guard let value = (object ?? fields)[key] else { return nil }
        if case .string(let text) = value, let number = Int(text), number >= minimum { return number }
        guard case .number(let number) = value, number.rounded() == number, number >= Double(minimum), number <= 1e12
        else {
            problem("\(path).\(key) must be a whole number of at least \(minimum)")
            return nil
        }
        return Int(number)
    }

    /// `admins`: `[{"userName": "admin", "password": "…"}]`.
    mutating func admins() -> [String: String]? {
        read.insert("admins")
        guard let value = fields["admins"] else { return nil }
        guard case .array(let list) = value, !list.isEmpty else {
            problem("vendor.admins must be a non-empty array of {\"userName\", \"password\"}")
            return nil
        }
        var admins: [String: String] = [:]
        for (position, entry) in list.enumerated() {
            let object = entry.objectValue ?? [:]
            guard let name = object["userName"]?.stringValue, !name.isEmpty,
                let password = object["password"]?.stringValue, !password.isEmpty
            else {
                problem("vendor.admins[\(position)] needs a non-empty userName and password")
                continue
            }
            admins[name] = password
        }
        return admins
    }

    /// `passwordPolicy`: the `vccConfiguration.passwordPolicies` names.
    mutating func passwordPolicy(into policy: inout Five9PasswordPolicy) {
        read.insert("passwordPolicy")
        guard let value = fields["passwordPolicy"] else { return }
        guard case .object(let object) = value else { return problem("vendor.passwordPolicy must be an object") }
        let path = "vendor.passwordPolicy"
        let keys = ["minPasswordLength", "minCapitalCharacters", "minNumberCharacters", "minSpecialCharacters"]
        for key in object.keys.sorted() where !keys.contains(key) { problem("\(path): unknown field '\(key)'") }
        policy.minPasswordLength = int(keys[0], minimum: 0, in: object, at: path) ?? policy.minPasswordLength
        policy.minCapitalCharacters = int(keys[1], minimum: 0, in: object, at: path) ?? policy.minCapitalCharacters
        policy.minNumberCharacters = int(keys[2], minimum: 0, in: object, at: path) ?? policy.minNumberCharacters
        policy.minSpecialCharacters = int(keys[3], minimum: 0, in: object, at: path) ?? policy.minSpecialCharacters
    }

    /// `limits`: `{"query": {"perMinute", "perHour", "perDay"}, "modify": {…}, "scope": "credential"|"domain",
    /// "oneRequestPerCredential": true, "userSkillSpacingSeconds": 0}`.
    mutating func limits(into config: inout Five9Configuration) {
        read.insert("limits")
        guard let value = fields["limits"] else { return }
        guard case .object(let object) = value else { return problem("vendor.limits must be an object") }
        let known = ["query", "modify", "scope", "oneRequestPerCredential", "userSkillSpacingSeconds"]
        for key in object.keys.sorted() where !known.contains(key) { problem("vendor.limits: unknown field '\(key)'") }
        for category in Five9CallCounters.Category.allCases {
            let key = category.rawValue.lowercased()
            guard let entry = object[key] else { continue }
            guard case .object(let windows) = entry else {
                problem("vendor.limits.\(key) must be an object")
                continue
            }
            let names: [(String, Five9CallCounters.Window)] = [
                ("perMinute", .minute), ("perHour", .hour), ("perDay", .day),
            ]
            for key2 in windows.keys.sorted() where !names.map(\.0).contains(key2) {
                problem("vendor.limits.\(key): unknown field '\(key2)'")
            }
            for (name, window) in names {
                if let limit = int(name, minimum: 1, in: windows, at: "vendor.limits.\(key)") {
                    config.limits.values[category, default: [:]][window] = limit
                }
            }
        }
        if let scope = string("scope", in: object, at: "vendor.limits") {
            guard ["credential", "domain"].contains(scope) else {
                return problem("vendor.limits.scope must be \"credential\" or \"domain\"")
            }
            config.countersPerCredential = scope == "credential"
        }
        config.oneRequestPerCredential =
            bool("oneRequestPerCredential", in: object, at: "vendor.limits") ?? config.oneRequestPerCredential
        if let seconds = int("userSkillSpacingSeconds", minimum: 0, in: object, at: "vendor.limits") {
            config.userSkillSpacing = .seconds(seconds)
        }
    }

    /// Throws if any field was malformed or unknown.
    func finish(source: String) throws(SCIMEmulatorError) {
        let unknown = fields.keys.filter { !read.contains($0) }.sorted().map { "unknown vendor field '\($0)'" }
        let all = problems + unknown
        guard all.isEmpty else { throw SCIMEmulatorError(.invalidSeed, file: source, problems: all) }
    }
}
