/// Counters the Five9 emulator keeps so that tests can check what a client did.
public struct Five9Stats: Sendable, Equatable {
    /// SOAP HTTP requests received, including refused ones.
    public internal(set) var soapRequests = 0
    /// SOAP requests answered 401 (missing or wrong Basic credentials).
    public internal(set) var unauthorizedRequests = 0
    /// Parsed SOAP requests by operation name (`createUser`), including refused ones.
    public internal(set) var requestsByOperation: [String: Int] = [:]
    /// Named SOAP faults sent, by detail element name (`UserNotFoundFault`, `OperationsLimitExceededFault`).
    public internal(set) var faultsByName: [String: Int] = [:]
    /// Answers decided by an injected status fault.
    public internal(set) var injectedFaults = 0
    /// Responses dropped after commit.
    public internal(set) var droppedResponses = 0
    /// Requests (SOAP or SCIM) whose change was committed.
    public internal(set) var writesApplied = 0
    /// The most SOAP requests in flight at once (any credentials).
    public internal(set) var maxRequestsInFlight = 0
    /// When each `userSkillAdd`/`userSkillModify`/`userSkillRemove` that reached the domain started, as time on
    /// the emulator's clock since it was created.
    public internal(set) var skillChangeTimes: [Duration] = []
    /// Passwords set through `createUser` or `modifyUser` (the passwords themselves are never kept).
    public internal(set) var passwordsSet = 0
    /// SCIM requests received, by method name (`"GET"`).
    public internal(set) var scimRequestsByMethod: [String: Int] = [:]

    /// Empty counters.
    public init() {}

    /// The shortest time between two consecutive skill-membership changes, or nil with fewer than two.
    public var minimumSkillChangeSpacing: Duration? {
        zip(skillChangeTimes, skillChangeTimes.dropFirst()).map { $1 - $0 }.min()
    }

    /// Named faults sent with this detail element name.
    public func faults(_ name: String) -> Int {
        faultsByName[name, default: 0]
    }
}
