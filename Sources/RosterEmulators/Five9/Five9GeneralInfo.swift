/// A user's `userGeneralInfo` (five9.md §3.2): every field optional, kept as the text the wire carries.
///
/// As a stored user it always has `userName` and `id`; as a request it holds the fields that were sent, which
/// `merge(_:)` lays over the stored ones ("omitted means unchanged"). `fullName` is derived, `password` never kept.
public struct Five9GeneralInfo: Sendable, Hashable {
    /// The simple fields, in WSDL order (`mediaTypeConfig` and `password` are handled apart).
    enum Field: Int, CaseIterable, Sendable {
        case active, canChangePassword, eMail, extensionNumber, federationId, firstName, fullName, iexScheduled, id
        case lastName, locale, mustChangePassword, osLogin, phoneNumber, startDate, unifiedCommunicationId, userName
        case userProfileName

        /// The XSD type of a field.
        enum Kind: Sendable {
            case boolean, long, string
        }

        /// The element name on the wire.
        var elementName: String { Self.elementNames[rawValue] }

        private static let elementNames = [
            "active", "canChangePassword", "EMail", "extension", "federationId", "firstName", "fullName",
            "IEXScheduled", "id", "lastName", "locale", "mustChangePassword", "osLogin", "phoneNumber", "startDate",
            "unifiedCommunicationId", "userName", "userProfileName",
        ]

        /// The field's XSD type.
        var kind: Kind {
            switch self {
            case .active, .canChangePassword, .iexScheduled, .mustChangePassword: .boolean
            case .id: .long
            default: .string
            }
        }

        /// Fields by element name.
        static let byElementName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.elementName, $0) })
    }

    private var values: [String?] = Array(repeating: nil, count: Field.allCases.count)
    /// `mediaTypeConfig.mediaTypes`, if set.
    public internal(set) var mediaTypes: [Five9MediaType]?

    /// No fields.
    init() {}

    /// The text of a field.
    subscript(field: Field) -> String? {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }

    /// The fields that are set, in WSDL order.
    var setFields: [(Field, String)] {
        Field.allCases.compactMap { field in values[field.rawValue].map { (field, $0) } }
    }

    /// Lays the fields set in `patch` over these; `id`, `userName` and `fullName` are never taken from it.
    mutating func merge(_ patch: Five9GeneralInfo) {
        for (field, value) in patch.setFields where ![.id, .userName, .fullName].contains(field) {
            self[field] = value
        }
        if let mediaTypes = patch.mediaTypes { self.mediaTypes = mediaTypes }
        deriveFullName()
    }

    /// Sets `fullName` to first and last name (five9.md §7.5).
    mutating func deriveFullName() {
        let parts = [self[.firstName], self[.lastName]].compactMap { $0 }.filter { !$0.isEmpty }
        self[.fullName] = parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `userName`.
    public var userName: String? { self[.userName] }
    /// `id`.
    public var id: Int64? { self[.id].flatMap { Int64($0) } }
    /// `active` (absent counts as active).
    public var active: Bool { self[.active].map { $0 == "true" || $0 == "1" } ?? true }
    /// `firstName`.
    public var firstName: String? { self[.firstName] }
    /// `lastName`.
    public var lastName: String? { self[.lastName] }
    /// `fullName`, derived from the first and last name.
    public var fullName: String? { self[.fullName] }
    /// `EMail`.
    public var email: String? { self[.eMail] }
    /// `extension`.
    public var extensionNumber: String? { self[.extensionNumber] }
    /// `federationId`.
    public var federationId: String? { self[.federationId] }
    /// `locale`.
    public var locale: String? { self[.locale] }

    /// The value of the field whose element name is `elementName` (`EMail`, `extension`, `canChangePassword`…).
    public func value(of elementName: String) -> String? {
        Field.byElementName[elementName].flatMap { self[$0] }
    }
}

/// One `mediaTypeItem` of `mediaTypeConfig` (five9.md §3.5; `intlligentRouting` and `maxAlowed` as misspelt).
public struct Five9MediaType: Sendable, Hashable {
    /// `enabled`.
    public internal(set) var enabled: Bool?
    /// `intlligentRouting`.
    public internal(set) var intelligentRouting: Bool?
    /// `maxAlowed` (an `xs:byte`).
    public internal(set) var maxAllowed: Int?
    /// `type`: VOICE, CHAT, SOCIAL, EMAIL, VIDEO or CASE.
    public internal(set) var type: String?

    /// The values of the `mediaType` enumeration.
    static let types: Set<String> = ["VOICE", "CHAT", "SOCIAL", "EMAIL", "VIDEO", "CASE"]
}

/// One `cannedReport` of a user.
public struct Five9CannedReport: Sendable, Hashable {
    /// `index`.
    public internal(set) var index: Int?
    /// `name`.
    public internal(set) var name: String?
}
