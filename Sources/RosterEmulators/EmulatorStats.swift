public import HTTPTypes

/// Counters an emulator keeps so that tests can check what a client did.
public struct EmulatorStats: Sendable, Equatable {
    /// Requests received, by method name (`"GET"`), including refused ones.
    public var requestsByMethod: [String: Int] = [:]
    /// 429 answers sent, by the rate limit or by injected faults.
    public var tooManyRequestsSent = 0
    /// Answers decided by an injected status fault (any code).
    public var injectedFaults = 0
    /// Responses dropped after commit.
    public var droppedResponses = 0
    /// Requests whose change was committed (a `/Bulk` request counts once per committed operation).
    public var writesApplied = 0

    /// Creates empty counters.
    public init() {}

    /// Requests received with `method`.
    public func requests(_ method: HTTPRequest.Method) -> Int {
        requestsByMethod[method.rawValue, default: 0]
    }

    /// Requests received in total.
    public var totalRequests: Int {
        requestsByMethod.values.reduce(0, +)
    }
}
