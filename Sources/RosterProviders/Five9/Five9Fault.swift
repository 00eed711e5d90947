/// A SOAP fault from the Five9 admin web service: the detail element's name (`UserNotFoundFault`), its message and
/// its typed fields (five9.md §1.7).
///
/// The SOAP client throws it; the provider turns it into a `ProviderError` that names the user, skill or group.
public struct Five9Fault: Error, Sendable, Hashable, CustomStringConvertible {
    /// What a fault means for roster: the categories decide retry, lookup and idempotence.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The object already exists (`UserAlreadyExistsFault`, `SkillAlreadyExistsFault`,
        /// `ObjectAlreadyExistsFault`, `UserAlreadyHasSkillFault`).
        case alreadyExists = "already-exists"
        /// The object does not exist (`UserNotFoundFault`, `SkillNotFoundFault`, `ObjectNotFoundFault`,
        /// `UserDoesntHaveSkillFault`).
        case notFound = "not-found"
        /// A per-minute, hour or day call counter is spent (`OperationsLimitExceededFault`); retry after the window.
        case operationsLimit = "operations-limit"
        /// Another request with the same credentials is in flight (`UserAlreadyLoggedInFault`,
        /// `SessionClosedFault`, `AdminSessionClosedFault`); retry after a pause.
        case concurrentRequest = "concurrent-request"
        /// The object is being changed by someone else (`ConcurrentModificationFault`, "is already locked");
        /// retry after a pause.
        case busy
        /// The service is down or failed (`ServiceUnavailableFault`, `ServerFault`); retry after a pause.
        case unavailable
        /// The account may not do this (`AccessDisallowedFault`, `ExecutionRestrictionFault`).
        case forbidden
        /// The request was refused for its content (everything else: invalid data, missing role, quotas, in use).
        case rejected
    }

    /// The detail element's local name, for example `UserNotFoundFault`; the faultcode when there is no detail.
    public var name: String
    /// The fault's message (detail `message`, else `faultstring`).
    public var message: String
    /// The detail's other fields by name, for example `userName`, `skillName`, `limit`, `operationType`.
    public var fields: [String: String]
    /// The operation that answered with it, for example `createUser`.
    public var operation: String?

    /// Creates a fault.
    public init(name: String, message: String, fields: [String: String] = [:], operation: String? = nil) {
        self.name = name
        self.message = message
        self.fields = fields
        self.operation = operation
    }

    /// What the fault means for roster.
    public var reason: Reason {
        switch name {
        case "UserAlreadyExistsFault", "SkillAlreadyExistsFault", "ObjectAlreadyExistsFault",
            "UserAlreadyHasSkillFault":
            return .alreadyExists
        case "UserNotFoundFault", "SkillNotFoundFault", "ObjectNotFoundFault", "UserDoesntHaveSkillFault":
            return .notFound
        case "OperationsLimitExceededFault": return .operationsLimit
        case "UserAlreadyLoggedInFault", "SessionClosedFault", "AdminSessionClosedFault": return .concurrentRequest
        case "ConcurrentModificationFault": return .busy
        case "ServiceUnavailableFault", "ServerFault": return .unavailable
        case "AccessDisallowedFault", "ExecutionRestrictionFault": return .forbidden
        default:
            // five9.md §4.1: bulk modifyUser runs have failed with "… is already locked"; the fault type is unknown.
            return message.lowercased().contains("is already locked") ? .busy : .rejected
        }
    }

    /// Whether sending the same request again later can succeed.
    public var isRetryable: Bool {
        switch reason {
        case .operationsLimit, .concurrentRequest, .busy, .unavailable: true
        case .alreadyExists, .notFound, .forbidden, .rejected: false
        }
    }

    /// The kind of `ProviderError` this fault becomes once retries are spent.
    public var kind: ProviderError.Kind {
        switch reason {
        case .operationsLimit: .rateLimited
        case .concurrentRequest, .busy, .unavailable: .transient
        case .forbidden: .unauthorized
        case .alreadyExists, .notFound, .rejected: .permanent
        }
    }

    /// The fault name and message, for example `UserNotFoundFault: User "ana" not found.`.
    public var description: String { "\(name): \(message)" }

    /// The fault as a `ProviderError` for `provider`, prefixed with what roster was doing.
    ///
    /// - Parameter context: The object, for example `user 'ana@acme.example'`.
    public func providerError(provider: String, context: String) -> ProviderError {
        var text = "\(operation ?? "call") for \(context) failed: \(name)"
        if !message.isEmpty { text += ": \(message)" }
        if let hint { text += " (\(hint))" }
        return ProviderError(kind, provider: provider, text, status: 500, vendorDetail: message)
    }

    /// How to fix the faults a manifest can cause.
    var hint: String? {
        switch name {
        case "UserHasNoRequiredRoleFault": "agent-group members need the agent or supervisor role"
        case "SkillCantBeDeletedFault": "the skill is still used by a campaign or IVR; remove it there first"
        case "UserCantBeDeletedFault": "the user is referenced by other objects; deactivate instead (deprovision)"
        case "OperationsLimitExceededFault":
            "the domain's \(fields["operationType"] ?? "call") limit of \(fields["limit"] ?? "?") calls is spent"
        case "AccessDisallowedFault":
            "the admin user needs the 'User Can Execute Web API requests' permission and the domain API access"
        case "LocaleNotFoundFault": "use a locale the Five9 domain knows, for example en-US"
        case "InvalidAccountFault": "the account data or initial password breaks the domain's rules"
        default: nil
        }
    }
}

extension Five9Fault {
    /// Reads a SOAP `Fault` element: `faultstring` and the first `detail` child, if any.
    init(_ fault: Five9XMLNode) {
        let faultString = fault.string("faultstring")?.trimmingWhitespace ?? ""
        guard let detail = fault.child("detail")?.children.first else {
            self.init(name: fault.string("faultcode")?.trimmingWhitespace ?? "Fault", message: faultString)
            return
        }
        var fields: [String: String] = [:]
        for field in detail.children where field.name != "message" {
            fields[field.name] = fields[field.name].map { $0 + "," + field.text } ?? field.text
        }
        let message = detail.string("message")?.trimmingWhitespace ?? ""
        self.init(name: detail.name, message: message.isEmpty ? faultString : message, fields: fields)
    }
}
