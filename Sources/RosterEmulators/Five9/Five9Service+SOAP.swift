import Foundation
import HTTPTypes

extension Five9Service {
    /// The paths the service answers on: `/wsadmin/v13/AdminWebService` and the unversioned default
    /// `/wsadmin/AdminWebService`, with or without a trailing slash; the query is ignored.
    static func isServicePath(_ target: String) -> Bool {
        var path = Substring(target.prefix { $0 != "?" })
        if path.hasSuffix("/") { path = path.dropLast() }
        return path == "/wsadmin/v13/AdminWebService" || path == "/wsadmin/AdminWebService"
    }

    /// Answers one SOAP request: path, method, Basic credentials, envelope, one-in-flight rule, injected
    /// faults, limits, then the operation.
    func soap(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        stats.soapRequests += 1
        guard Self.isServicePath(request.path ?? "/") else {
            return Five9SOAP.htmlError(404, "JBWEB000124: The requested resource is not available.")
        }
        guard request.method == .post else {
            return Five9SOAP.htmlError(
                405, "JBWEB000126: HTTP method \(request.method.rawValue) is not supported by this URL",
                headers: [.allow: "POST"])
        }
        guard let admin = authenticate(request) else {
            stats.unauthorizedRequests += 1
            return Five9SOAP.unauthorized
        }
        let call: Five9SOAP.Call
        do {
            call = try Five9SOAP.parse(body)
        } catch {
            return faultResponse(error)
        }
        stats.requestsByOperation[call.operation, default: 0] += 1
        if config.oneRequestPerCredential, inFlight[admin, default: 0] > 0 {
            return faultResponse(.userAlreadyLoggedIn(admin))
        }
        inFlight[admin, default: 0] += 1
        defer { inFlight[admin, default: 1] -= 1 }
        stats.maxRequestsInFlight = max(stats.maxRequestsInFlight, inFlight.values.reduce(0, +))
        let decision = faults.decide(method: .post, path: "/" + call.operation)
        if decision.latency > .zero { try? await clock.sleep(decision.latency) }
        if let (code, retryAfter) = decision.status { return injected(code, retryAfter: retryAfter) }
        if isClosed { return faultResponse(.serviceUnavailable("The service is closed."), status: 503) }
        var response = execute(call, admin: admin)
        if decision.dropResponse {
            response.dropConnection = true
            stats.droppedResponses += 1
        }
        return response
    }

    /// The admin user whose Basic credentials the request carries, or nil.
    private func authenticate(_ request: HTTPRequest) -> String? {
        guard let (name, password) = OAuthTokenEndpoint.basic(request.headerFields[.authorization]),
            let expected = config.admins[name], expected == password
        else { return nil }
        return name
    }

    /// An injected status: 500 is a `ServerFault` and 503 a `ServiceUnavailableFault` (SOAP bodies); any other code
    /// (429, 502, 504…) is an HTML page from a gateway in front of the service.
    private func injected(_ code: Int, retryAfter: Int?) -> EmulatorResponse {
        stats.injectedFaults += 1
        var response: EmulatorResponse
        switch code {
        case 500: response = faultResponse(.server("Internal error (injected)."), status: 500)
        case 503: response = faultResponse(.serviceUnavailable("Service is unavailable (injected)."), status: 503)
        default: response = Five9SOAP.htmlError(code, "Injected HTTP \(code) from a gateway.")
        }
        if let retryAfter { response.head.headerFields[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The fault answer, counted by name.
    func faultResponse(_ fault: Five9Fault, status: Int = 500) -> EmulatorResponse {
        if let name = fault.name { stats.faultsByName[name, default: 0] += 1 }
        return Five9SOAP.fault(fault, status: status)
    }

    /// Runs one operation after the limits.
    private func execute(_ call: Five9SOAP.Call, admin: String) -> EmulatorResponse {
        guard let operation = Five9Operation(rawValue: call.operation) else {
            return faultResponse(
                .client("Cannot find dispatch method for {\(Five9SOAP.serviceNamespace)}\(call.operation)"))
        }
        do {
            let arguments = try XMLReader(call.wrapper, allowed: operation.parameters)
            if let category = operation.category { try admit(category, admin: admin) }
            if operation.isSkillMembershipChange { try admitSkillChange() }
            var response = Five9SOAP.ResponseWriter(operation: call.operation)
            if let users = try perform(operation, arguments, admin: admin, into: &response.out) {
                return response.finish(streaming: users)
            }
            return response.finish()
        } catch {
            return faultResponse(error)
        }
    }

    /// Counts the call, or refuses it with `OperationsLimitExceededFault` (the call is then not counted).
    private func admit(_ category: Five9CallCounters.Category, admin: String) throws(Five9Fault) {
        if let (limit, window) = counters.admit(category, scope: counterScope(admin), at: localSeconds()) {
            throw .operationsLimitExceeded(limit, category.rawValue, window: window.word)
        }
    }

    /// Records a skill-membership change, or refuses it with `ExecutionRestrictionFault` when a spacing is
    /// configured and the previous one was too recent.
    private func admitSkillChange() throws(Five9Fault) {
        let now = clock.elapsed()
        if config.userSkillSpacing > .zero, let last = stats.skillChangeTimes.last, now - last < config.userSkillSpacing
        {
            let seconds = Self.seconds(config.userSkillSpacing)
            throw .executionRestriction("Skill membership changes must be at least \(seconds) s apart.")
        }
        stats.skillChangeTimes.append(now)
    }
}
