import Foundation
import HTTPTypes

/// A client for Five9's admin web service (Configuration Web Services, SOAP 1.1 document/literal).
///
/// Hand-written envelopes (the WSDL is never read at run time), HTTP Basic auth, one request in flight and the
/// domain's call counters kept by its `Five9CallBudget`, retryable faults retried after a pause. Knows nothing of
/// plans.
///
/// Throws `Five9Fault` for SOAP faults it cannot retry, `TransportError` when a modify call got no answer (the
/// caller decides how to find out whether it took effect), and `ProviderError` for everything else.
public struct Five9SOAPClient: Sendable {
    /// The provider name, for error messages.
    public let provider: String
    /// Where the service lives.
    public let endpoint: Five9Endpoint
    /// The counters and the one-in-flight rule this client obeys.
    public let budget: Five9CallBudget
    let transport: any HTTPTransport
    let authorization: Credential
    let retry: RetryPolicy
    let clock: any Clock<Duration>
    /// Longest counter window worth waiting for after the service says it is spent; longer ones fail the call.
    let maxLimitWait: Duration

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - provider: The manifest name, for error messages.
    ///   - endpoint: The service URL.
    ///   - transport: Sends the HTTP requests.
    ///   - username: The admin user's name.
    ///   - password: The admin user's password; used only to build the Authorization header.
    ///   - budget: Counters, one-in-flight and user-skill spacing; share it between clients of the same admin user.
    ///   - retry: Attempts and backoff for retryable faults and failed queries.
    ///   - clock: The clock to wait on.
    public init(
        provider: String, endpoint: Five9Endpoint, transport: any HTTPTransport, username: Credential,
        password: Credential, budget: Five9CallBudget = Five9CallBudget(), retry: RetryPolicy = RetryPolicy(),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.provider = provider
        self.endpoint = endpoint
        self.transport = transport
        let token = Data("\(username.secret):\(password.secret)".utf8).base64EncodedString()
        self.authorization = Credential("Basic \(token)")
        self.budget = budget
        self.retry = retry
        self.clock = clock
        self.maxLimitWait = .seconds(3_600)
    }

    /// Calls `operation` and returns the items of its answer (each `<return>`), read by `item`.
    ///
    /// Retries faults that say "later" (counters spent, concurrent request, object busy, service down) and, for
    /// queries, lost answers and gateway errors.
    ///
    /// - Parameter skipping: Elements of the answer roster does not read (their subtrees are passed over).
    func call<Item: Sendable>(
        _ operation: String, _ parameters: some Encodable & Sendable, skipping: Set<String> = [],
        item: @escaping @Sendable (Five9XMLNode) -> Item
    ) async throws -> [Item] {
        let category = Five9CallCategory(operation: operation)
        let body = try Five9Envelope.request(operation, parameters)
        var attempt = 1
        while true {
            let delay: Duration
            let reason: String
            do {
                return try await send(body, category: category, spaced: operation.hasPrefix("userSkill")) {
                    head, answer in
                    do {
                        return try Self.read(
                            operation, head: head, body: answer, provider: provider, skipping: skipping, item: item)
                    } catch var fault as Five9Fault {
                        fault.operation = operation
                        throw fault
                    }
                }
            } catch let fault as Five9Fault where fault.isRetryable {
                guard let wait = await retryDelay(after: fault, category: category, attempt: attempt) else {
                    throw fault
                }
                (delay, reason) = (wait, fault.description)
            } catch let error as TransportError where category == .query {
                guard case .retry(let wait) = retry.decide(after: .transport(error.kind), attempt: attempt) else {
                    throw ProviderError(
                        error.kind == .unreachable ? .unreachable : .transient, provider: provider,
                        "\(operation) got no answer: \(error)")
                }
                (delay, reason) = (wait, error.description)
            } catch let error as ProviderError where error.kind == .transient && category == .query {
                guard
                    case .retry(let wait) = retry.decide(
                        after: .serverError(status: error.status ?? 500), attempt: attempt)
                else { throw error }
                (delay, reason) = (wait, error.message)
            }
            RequestContext.retryObserver?(
                RetryNotice(stepID: RequestContext.stepID, attempt: attempt, delay: delay, reason: reason))
            if delay > .zero { try await clock.sleep(for: delay) }
            attempt += 1
        }
    }

    /// Calls an operation whose answer carries nothing roster reads (deletes, skill changes, group changes).
    func call(_ operation: String, _ parameters: some Encodable & Sendable) async throws {
        _ = try await call(operation, parameters) { _ in () }
    }

    /// One POST inside the budget: waits for its turn and room in the counters, and holds the single slot while the
    /// request is in flight and its answer, handed over in pieces, is `read`.
    func send<T: Sendable>(
        _ body: Data, category: Five9CallCategory, spaced: Bool,
        read: @escaping @Sendable (HTTPResponse, StreamedBody) throws -> T
    ) async throws -> T {
        var request = endpoint.request()
        request.headerFields[.authorization] = authorization.secret
        try await budget.acquire(category, spaced: spaced)
        do {
            let (head, answer) = try await transport.stream(request, body: body)
            let result = try await answer.read { try read(head, $0) }
            await budget.release()
            return result
        } catch {
            await budget.release()
            throw error
        }
    }

    /// How long to wait before retrying after `fault`; nil to give up.
    ///
    /// A spent counter blocks its category in the budget for one window (the wait happens there); a window longer
    /// than `maxLimitWait` (the daily counter) is not waited for.
    func retryDelay(after fault: Five9Fault, category: Five9CallCategory, attempt: Int) async -> Duration? {
        guard attempt < retry.maxAttempts else { return nil }
        guard fault.reason == .operationsLimit else { return retry.backoff(attempt: attempt) }
        let spent = fault.fields["operationType"].flatMap(Five9CallCategory.init(rawValue:)) ?? category
        let window = await budget.exhausted(spent, limit: fault.fields["limit"].flatMap { Int($0) })
        return (window ?? .zero) <= maxLimitWait ? .zero : nil
    }
}
