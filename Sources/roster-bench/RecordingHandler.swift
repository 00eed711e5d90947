import Foundation
import HTTPTypes
import RosterEmulators

/// Wraps an emulator and records when each request arrived and what status it got, so the benchmark can count
/// requests in the apply window and the 429s the emulator answered.
final class RecordingHandler: EmulatorHandler, @unchecked Sendable {
    struct Entry {
        var at: ContinuousClock.Instant
        var method: String
        var status: Int
        var limitFault: Bool
    }

    let inner: any EmulatorHandler
    private let lock = NSLock()
    private var entries: [Entry] = []

    init(_ inner: any EmulatorHandler) { self.inner = inner }

    func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        let arrived = ContinuousClock.now
        let response = await inner.handle(request, body: body)
        // Five9 answers a full counter with a SOAP fault, not a 429.
        let fault =
            response.head.status.code == 500
            && String(decoding: response.body, as: UTF8.self).contains("OperationsLimitExceededFault")
        let entry = Entry(
            at: arrived, method: request.method.rawValue, status: response.head.status.code, limitFault: fault)
        lock.withLock { entries.append(entry) }
        return response
    }

    /// Every request so far, in arrival order.
    var recorded: [Entry] { lock.withLock { entries } }
}
