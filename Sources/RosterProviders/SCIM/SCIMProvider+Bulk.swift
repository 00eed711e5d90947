import Foundation
import HTTPTypes
import RosterModel

extension SCIMProvider {
    /// Creates a user through `/Bulk`; false when the batch went unanswered and the caller must send it alone
    /// (after looking it up, since the batch may have been applied).
    func createInBulk(_ user: User, body: JSONValue, changes: [AttributeChange]) async throws -> Bool {
        guard let bulk else { return false }
        let result: SCIMBulkQueue.Result
        do {
            result = try await bulk.submit(.init(method: .post, path: "/Users", data: body))
        } catch is SCIMBulkQueue.BulkOutcome {
            return try await adoptIfCreated(user)
        }
        switch result.status {
        case 200..<300:
            let stored = try recordBulkResult(result, sent: body, user: user)
            try checkCreated(user, answer: stored)
            try await verifyWrite(of: user, changes: changes, answer: stored)
            return true
        case 409:
            if try await adoptIfCreated(user) { return true }
            throw bulkError(result, "POST /Users")
        default:
            throw bulkError(result, "POST /Users")
        }
    }

    /// Patches a user through `/Bulk`; false when the batch went unanswered (a PATCH that sets values is safe to
    /// send again alone).
    func patchInBulk(
        _ user: User, id: String, _ operations: [PatchOperation], changes: [AttributeChange]
    ) async throws -> Bool {
        guard let bulk else { return false }
        let body = JSONValue.object([
            "schemas": .array([.string("urn:ietf:params:scim:api:messages:2.0:PatchOp")]),
            "Operations": .array(operations.map(\.json)),
        ])
        let result: SCIMBulkQueue.Result
        do {
            result = try await bulk.submit(.init(method: .patch, path: "/Users/\(SCIMClient.escape(id))", data: body))
        } catch is SCIMBulkQueue.BulkOutcome {
            return false
        }
        guard (200..<300).contains(result.status) else { throw bulkError(result, "PATCH /Users/\(id)") }
        if let stored = result.stored { record(stored) }
        try await verifyWrite(of: user, changes: changes, answer: result.stored ?? .null)
        return true
    }

    /// Records what a bulk create stored: the read-back object, or what was sent plus the new id.
    func recordBulkResult(_ result: SCIMBulkQueue.Result, sent: JSONValue, user: User) throws -> JSONValue {
        if let stored = result.stored {
            record(stored)
            return stored
        }
        guard let id = result.id else {
            throw ProviderError(
                .malformed, provider: name, "a bulk create of '\(user.userName)' answered without a location")
        }
        var object = sent.object ?? [:]
        object["id"] = .string(id)
        if let version = result.version { object["meta"] = .object(["version": .string(version)]) }
        record(.object(object))
        return .object(object)
    }

    /// The error of one failed bulk operation, in the vendor's words.
    func bulkError(_ result: SCIMBulkQueue.Result, _ request: String) -> ProviderError {
        let scimType = result.response?["scimType"]?.string
        let detail = result.response?["detail"]?.string
        var message = "\(request) in /Bulk answered \(result.status)"
        if let scimType { message += " \(scimType)" }
        if let detail { message += ": \(detail)" }
        return ProviderError(
            SCIMErrorMapper.kind(status: result.status, scimType: scimType), provider: name, message,
            status: result.status, vendorDetail: detail)
    }
}
