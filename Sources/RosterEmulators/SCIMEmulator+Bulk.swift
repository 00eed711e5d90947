import Foundation
import HTTPTypes

extension SCIMEmulator {
    /// `POST /Bulk` (RFC 7644 §3.7), served only when `options.bulkMaxOperations` is set.
    ///
    /// Operations run in order
    /// through the same routes as single requests; `bulkId:x` references to earlier POSTs are resolved; processing
    /// stops once `failOnErrors` operations have failed.
    func bulk(_ request: SCIMRequest) throws(SCIMError) -> EmulatorResponse {
        let maxOperations = options.bulkMaxOperations ?? 0
        guard request.body.count <= options.bulkMaxPayloadSize else {
            throw SCIMError(
                status: 413, scimType: .tooMany, detail: "the request exceeds \(options.bulkMaxPayloadSize) bytes")
        }
        let body = try request.jsonObject()
        guard case .array(let operations)? = body[scim: "Operations"] else {
            throw .badRequest(.invalidSyntax, "a bulk request needs an Operations array")
        }
        guard operations.count <= maxOperations else {
            throw SCIMError(
                status: 413, scimType: .tooMany, detail: "at most \(maxOperations) operations per bulk request")
        }
        let failOnErrors = body[scim: "failOnErrors"]?.numberValue.map { Int($0) }
        var created: [String: String] = [:]
        var results: [JSONValue] = []
        var errors = 0
        for operation in operations {
            if let failOnErrors, failOnErrors > 0, errors >= failOnErrors { break }
            let result = bulkOperation(operation, created: &created, base: request.base)
            if let status = result["status"]?.stringValue.flatMap(Int.init), status >= 400 { errors += 1 }
            results.append(.object(result))
        }
        return .scim(200, .object(["schemas": .array([.string(SCIMURN.bulkResponse)]), "Operations": .array(results)]))
    }

    private func bulkOperation(
        _ value: JSONValue, created: inout [String: String], base: String
    )
        -> JSONObject
    {
        let object = value.objectValue ?? [:]
        let methodName = object[scim: "method"]?.stringValue?.uppercased() ?? ""
        let bulkID = object[scim: "bulkId"]?.stringValue
        var result: JSONObject = ["method": .string(methodName)]
        if let bulkID { result["bulkId"] = .string(bulkID) }
        do {
            let subrequest = try bulkRequest(object, method: methodName, bulkID: bulkID, created: created, base: base)
            let response = try route(subrequest)
            let status = response.head.status.code
            result["status"] = .string(String(status))
            if let etag = response.head.headerFields[.eTag] { result["version"] = .string(etag) }
            let body = try? JSONParser.parse(response.body)
            if let id = body?.objectValue?["id"]?.stringValue, let kind = subrequest.segments.first {
                result["location"] = .string("\(base)/\(kind)/\(id)")
                if methodName == "POST", let bulkID { created[bulkID] = id }
            } else if let path = object[scim: "path"]?.stringValue {
                result["location"] = .string(base + path)
            }
        } catch {
            result["status"] = .string(String(error.status))
            result["response"] = error.body
        }
        return result
    }

    private func bulkRequest(
        _ object: JSONObject, method: String, bulkID: String?, created: [String: String], base: String
    ) throws(SCIMError) -> SCIMRequest {
        guard ["POST", "PUT", "PATCH", "DELETE"].contains(method), let httpMethod = HTTPRequest.Method(method) else {
            throw .badRequest(.invalidSyntax, "method must be POST, PUT, PATCH or DELETE")
        }
        guard let rawPath = object[scim: "path"]?.stringValue else {
            throw .badRequest(.invalidSyntax, "path is required")
        }
        if method == "POST", bulkID == nil { throw .badRequest(.invalidSyntax, "a POST operation needs a bulkId") }
        let path = try Self.resolve(.string(rawPath), created).stringValue ?? rawPath
        let first = path.split(separator: "/").first.map { $0.lowercased() }
        guard first == "users" || first == "groups" else {
            throw .badRequest(.invalidPath, "bulk operations may only address /Users or /Groups")
        }
        var body = Data()
        if let data = object[scim: "data"] { body = try Self.resolve(data, created).serialized }
        return SCIMRequest(
            bulk: httpMethod, path: path, body: body,
            ifMatch: object[scim: "version"]?.stringValue, base: base)
    }

    /// Replaces every `bulkId:x` string (whole value, or a path segment) with the id created for `x`.
    private static func resolve(_ value: JSONValue, _ created: [String: String]) throws(SCIMError) -> JSONValue {
        switch value {
        case .string(let text) where text.contains("bulkId:"):
            var parts: [String] = []
            for part in text.split(separator: "/", omittingEmptySubsequences: false) {
                guard part.hasPrefix("bulkId:") else {
                    parts.append(String(part))
                    continue
                }
                let key = String(part.dropFirst("bulkId:".count))
                guard let id = created[key] else {
                    throw SCIMError(status: 409, scimType: .invalidValue, detail: "bulkId '\(key)' is not resolvable")
                }
                parts.append(id)
            }
            return .string(parts.joined(separator: "/"))
        case .array(let elements):
            var result: [JSONValue] = []
            for element in elements { result.append(try resolve(element, created)) }
            return .array(result)
        case .object(let members):
            var result = JSONObject()
            for (key, member) in members { result[key] = try resolve(member, created) }
            return .object(result)
        case .null, .bool, .number, .string:
            return value
        }
    }
}
