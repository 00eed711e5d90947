import Foundation
import HTTPTypes

/// Gathers writes that arrive together into `POST /Bulk` requests of at most `limit` operations (RFC 7644 §3.7),
/// and hands each caller its own operation's result.
///
/// The first write of a round waits a few scheduler turns for the others the executor is starting at the same
/// time, then sends them; a batch that gets no answer, or a server error, fails every caller with
/// `BulkOutcome.unsent`, and each falls back to its own request (creates look themselves up first).
actor SCIMBulkQueue {
    /// One write.
    struct Operation: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var data: JSONValue?
        var version: String?
    }

    /// One operation's answer.
    struct Result: Sendable {
        /// The HTTP status of this operation.
        var status: Int
        /// The resource's location (its id is the last segment).
        var location: String?
        /// The resource's new version.
        var version: String?
        /// The error body of a failed operation.
        var response: JSONValue?
        /// The user as stored after the batch, when the queue reads writes back.
        var stored: JSONValue?

        /// The id at the end of `location`.
        var id: String? { location?.split(separator: "/").last.map { String($0).removingPercentEncoding ?? "" } }
    }

    /// Why a caller must send its write alone.
    enum BulkOutcome: Error {
        /// The batch got no usable answer; whether it was applied is unknown.
        case unsent(String)
    }

    let client: SCIMClient
    let limit: Int
    /// Read the written users back after each batch (one filtered list per 50), for services that drop values
    /// silently.
    let readsBack: Bool
    private var pending: [(Operation, CheckedContinuation<Result, any Error>)] = []
    private var scheduled = false
    private var sequence = 0

    init(client: SCIMClient, limit: Int, readsBack: Bool) {
        self.client = client
        self.limit = max(1, limit)
        self.readsBack = readsBack
    }

    /// Queues a write and waits for its result.
    func submit(_ operation: Operation) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((operation, continuation))
            if !scheduled {
                scheduled = true
                Task { await self.flush() }
            }
        }
    }

    /// Sends everything queued, `limit` at a time, after letting concurrent writes join.
    private func flush() async {
        for _ in 0..<16 { await Task.yield() }
        scheduled = false
        while !pending.isEmpty {
            let batch = Array(pending.prefix(limit))
            pending.removeFirst(batch.count)
            await send(batch)
        }
    }

    private func send(_ batch: [(Operation, CheckedContinuation<Result, any Error>)]) async {
        var operations: [JSONValue] = []
        for (operation, _) in batch {
            sequence += 1
            var object: [String: JSONValue] = [
                "method": .string(operation.method.rawValue), "path": .string(operation.path),
                "bulkId": .string("op\(sequence)"),
            ]
            object["data"] = operation.data
            object["version"] = operation.version.map(JSONValue.string)
            operations.append(.object(object))
        }
        let body = JSONValue.object([
            "schemas": .array([.string("urn:ietf:params:scim:api:messages:2.0:BulkRequest")]),
            "failOnErrors": .number(Double(batch.count)), "Operations": .array(operations),
        ])
        do {
            let answer = try await client.send(.post, "/Bulk", body: body).body
            let entries = answer["Operations"]?.array ?? []
            var results: [Result?] = batch.indices.map { index in
                guard index < entries.count, let status = entries[index]["status"]?.int else { return nil }
                let entry = entries[index]
                return Result(
                    status: status, location: entry["location"]?.string, version: entry["version"]?.string,
                    response: entry["response"])
            }
            if readsBack { try await readBack(&results, batch: batch) }
            for (index, (_, continuation)) in batch.enumerated() {
                if let result = results[index] {
                    continuation.resume(returning: result)
                } else {
                    continuation.resume(throwing: BulkOutcome.unsent("the bulk answer has no result for it"))
                }
            }
        } catch {
            for (_, continuation) in batch { continuation.resume(throwing: BulkOutcome.unsent("\(error)")) }
        }
    }

    /// Reads the users a batch wrote, 50 ids per filtered list, into each result's `stored`.
    private func readBack(
        _ results: inout [Result?], batch: [(Operation, CheckedContinuation<Result, any Error>)]
    ) async throws {
        var wanted: [String: Int] = [:]
        for (index, result) in results.enumerated() {
            guard let result, (200..<300).contains(result.status), batch[index].0.method != .delete,
                batch[index].0.path.hasPrefix("/Users"),
                let id = result.id ?? batch[index].0.path.split(separator: "/").last.map(String.init)
            else { continue }
            wanted[id] = index
        }
        let ids = wanted.keys.sorted()
        for start in stride(from: 0, to: ids.count, by: 50) {
            let chunk = ids[start..<min(ids.count, start + 50)]
            let filter = chunk.map { "id eq \(SCIMProvider.quote($0))" }.joined(separator: " or ")
            for json in try await client.list("Users", filter: filter) {
                guard let id = json["id"]?.string, let index = wanted[id] else { continue }
                results[index]?.stored = json
            }
        }
    }
}
