public import Foundation

/// The initial state of a vendor emulator: a generic `SCIMSeed` document plus a `vendor` object.
///
/// ```json
/// {
///   "options": {"token": "t0k3n"},
///   "users": [{"userName": "ana@example.com"}],
///   "vendor": {"customerId": "0012345678", "readOnlyTokens": ["reader"]}
/// }
/// ```
///
/// Each factory in `VendorEmulators` documents the `vendor` fields it reads; any other field is an error.
public struct VendorSeed: Sendable {
    /// Where the seed came from, for error messages.
    public let source: String
    /// The generic part (`users`, `groups`, `options`).
    let scim: SCIMSeed
    /// The `vendor` object (empty if the seed has none).
    let vendor: JSONObject

    /// A seed with no users, no groups and every vendor field at its default.
    public static let empty = VendorSeed(source: "empty seed", scim: .empty, vendor: [:])

    private init(source: String, scim: SCIMSeed, vendor: JSONObject) {
        self.source = source
        self.scim = scim
        self.vendor = vendor
    }

    /// Reads and checks the seed file at `url`.
    ///
    /// - Parameter resources: false when the emulator starts from saved state and uses only the seed's options and
    ///   vendor settings: its users, groups (and a Five9 seed's skills and agent groups) are then read and left out.
    /// - Throws: `SCIMEmulatorError` (`.io` or `.invalidSeed`) naming the file and every problem in it.
    public init(contentsOf url: URL, resources: Bool = true) throws(SCIMEmulatorError) {
        try self.init(json: try SeedDocument.data(at: url), source: url.path, resources: resources)
    }

    /// Parses and checks a seed document.
    ///
    /// - Parameters:
    ///   - source: The name used in error messages, usually the file path.
    ///   - resources: false to leave the users and groups out (see `init(contentsOf:resources:)`).
    /// - Throws: `SCIMEmulatorError.Kind.invalidSeed` listing every problem found.
    public init(json: Data, source: String = "seed", resources: Bool = true) throws(SCIMEmulatorError) {
        let root = try SeedDocument.root(json, source: source, resources: resources)
        guard case .object(var object) = root else {
            throw SCIMEmulatorError(.invalidSeed, file: source, problems: ["the seed must be a JSON object"])
        }
        let vendor = object.removeValue(forKey: "vendor") ?? .object([:])
        guard case .object(let fields) = vendor else {
            throw SCIMEmulatorError(.invalidSeed, file: source, problems: ["vendor must be an object"])
        }
        let scim = try SCIMSeed(root: .object(object), source: source)
        self.init(source: source, scim: scim, vendor: fields)
    }

    /// The seed with a `vendor` field set where the seed leaves it out (the embedded mode serves the tenant the
    /// manifest names: a Webex `orgId`, an 8x8 `customerId`).
    public func defaulting(_ key: String, to value: String) -> VendorSeed {
        guard vendor[key] == nil else { return self }
        var fields = vendor
        fields[key] = .string(value)
        return VendorSeed(source: source, scim: scim, vendor: fields)
    }

    /// The `vendor` field `key` when it is a string.
    public func vendorString(_ key: String) -> String? {
        vendor[key]?.stringValue
    }

    /// A reader for the `vendor` fields.
    func fields() -> VendorFieldReader {
        VendorFieldReader(fields: vendor, source: source)
    }
}

/// Reads `vendor` fields of a seed, collecting every problem (STYLE R6) and refusing unknown fields.
struct VendorFieldReader {
    private let fields: JSONObject
    private let source: String
    private var read: Set<String> = []
    private var problems: [String] = []

    init(fields: JSONObject, source: String) {
        self.fields = fields
        self.source = source
    }

    /// A non-empty string field, or `fallback` when absent.
    mutating func string(_ key: String, default fallback: String) -> String {
        read.insert(key)
        guard let value = fields[key] else { return fallback }
        guard case .string(let text) = value, !text.isEmpty else {
            problems.append("vendor.\(key) must be a non-empty string")
            return fallback
        }
        return text
    }

    /// An optional non-empty string field.
    mutating func optionalString(_ key: String) -> String? {
        fields[key] == nil ? nil : string(key, default: "")
    }

    /// An array of non-empty strings, or `fallback` when absent.
    mutating func strings(_ key: String, default fallback: [String] = []) -> [String] {
        read.insert(key)
        guard let value = fields[key] else { return fallback }
        let list = value.arrayValue?.compactMap { $0.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        guard let list, list.count == value.arrayValue?.count else {
            problems.append("vendor.\(key) must be an array of non-empty strings")
            return fallback
        }
        return list
    }

    /// An object whose values are non-empty strings, or `fallback` when absent.
    mutating func stringMap(_ key: String, default fallback: [String: String]) -> [String: String] {
        read.insert(key)
        guard let value = fields[key] else { return fallback }
        let map = value.objectValue?.compactMapValues { $0.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        guard let map, map.count == value.objectValue?.count else {
            problems.append("vendor.\(key) must be an object of non-empty strings")
            return fallback
        }
        return map
    }

    /// A whole number at least `minimum`, or `fallback` when absent.
    mutating func int(_ key: String, default fallback: Int, minimum: Int = 0) -> Int {
        read.insert(key)
        guard let value = fields[key] else { return fallback }
        guard let number = value.numberValue, number.rounded() == number, number >= Double(minimum),
            number <= 1e12
        else {
            problems.append("vendor.\(key) must be a whole number of at least \(minimum)")
            return fallback
        }
        return Int(number)
    }

    /// An optional whole number at least `minimum`.
    mutating func optionalInt(_ key: String, minimum: Int = 0) -> Int? {
        fields[key] == nil ? nil : int(key, default: 0, minimum: minimum)
    }

    /// Throws if any field was malformed or never read.
    func finish() throws(SCIMEmulatorError) {
        let unknown = fields.keys.filter { !read.contains($0) }.sorted().map { key in
            "unknown vendor field '\(key)' (expected \(read.sorted().joined(separator: ", ")))"
        }
        let all = problems + unknown
        guard all.isEmpty else { throw SCIMEmulatorError(.invalidSeed, file: source, problems: all) }
    }
}
