public import Foundation

/// The initial state of a SCIM emulator, read from a JSON file.
///
/// ```json
/// {
///   "options": {"token": "t0k3n", "maxPageSize": 50},
///   "users": [{"userName": "ana@example.com", "name": {"givenName": "Ana"}, "active": true}],
///   "groups": [{"displayName": "Sales", "members": [{"userName": "ana@example.com"}, {"value": "<id>"}]}]
/// }
/// ```
///
/// Users and groups are SCIM objects as a client would POST them; `id` is optional (generated when missing).
/// Group members name a user or group by `value` (an id given in the seed) or a user by `userName`.
/// `options` is optional; its `token` and `maxPageSize` override the emulator's options.
public struct SCIMSeed: Sendable {
    /// Where the seed came from, for error messages.
    public let source: String
    /// The users, in order.
    let users: [JSONObject]
    /// The groups, in order.
    let groups: [JSONObject]
    /// The token from the seed's options.
    let token: String?
    /// The page size from the seed's options.
    let maxPageSize: Int?

    /// A seed with no users and no groups.
    public static let empty = SCIMSeed(source: "empty seed", users: [], groups: [], token: nil, maxPageSize: nil)

    private init(source: String, users: [JSONObject], groups: [JSONObject], token: String?, maxPageSize: Int?) {
        self.source = source
        self.users = users
        self.groups = groups
        self.token = token
        self.maxPageSize = maxPageSize
    }

    /// Reads and checks the seed file at `url`.
    ///
    /// - Parameter resources: false when the emulator starts from saved state and uses only the seed's options: the
    ///   users and groups are then read and left out.
    /// - Throws: `SCIMEmulatorError` (`.io` or `.invalidSeed`) naming the file and every problem in it.
    public init(contentsOf url: URL, resources: Bool = true) throws(SCIMEmulatorError) {
        let json = try SeedDocument.data(at: url)
        try self.init(root: try SeedDocument.root(json, source: url.path, resources: resources), source: url.path)
    }

    /// Parses and checks a seed document.
    ///
    /// - Parameter source: The name used in error messages, usually the file path.
    /// - Throws: `SCIMEmulatorError.Kind.invalidSeed` listing every problem found.
    public init(json: Data, source: String = "seed") throws(SCIMEmulatorError) {
        try self.init(root: try SeedDocument.root(json, source: source), source: source)
    }

    /// Checks an already parsed seed document (a vendor seed hands over its SCIM part).
    init(root: JSONValue, source: String) throws(SCIMEmulatorError) {
        var checker = SeedChecker()
        let document = checker.check(root)
        guard checker.problems.isEmpty else {
            throw SCIMEmulatorError(.invalidSeed, file: source, problems: checker.problems)
        }
        self.init(
            source: source, users: document.users, groups: document.groups, token: document.token,
            maxPageSize: document.maxPageSize)
    }

    /// The number of users in the seed.
    public var userCount: Int { users.count }
    /// The number of groups in the seed.
    public var groupCount: Int { groups.count }

    /// `options` with the seed's own options applied on top.
    func applying(to options: SCIMEmulatorOptions) -> SCIMEmulatorOptions {
        var result = options
        if let token { result.token = token }
        if let maxPageSize { result.maxPageSize = maxPageSize }
        return result
    }
}
