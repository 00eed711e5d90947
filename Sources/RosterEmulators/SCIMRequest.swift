import Foundation
import HTTPTypes

/// One request as the SCIM routes see it: method, decoded path segments, query, headers and body.
struct SCIMRequest: Sendable {
    var method: HTTPRequest.Method
    /// Percent-decoded path segments, such as `["Users", "00000000-…"]`.
    var segments: [String]
    /// Query parameters by lower-cased name; `+` is kept literally because clients built on `URLComponents` do not
    /// encode it in e-mail addresses.
    var query: [String: String]
    var headers: HTTPFields
    var body: Data
    /// Prefix for `meta.location` such as `http://127.0.0.1:8080/scim` (no trailing slash); may be empty.
    var base: String

    /// Splits `request` into its parts; `fallbackBase` is `options.baseURL`.
    init(_ request: HTTPRequest, body: Data, fallbackBase: String?) {
        method = request.method
        headers = request.headerFields
        self.body = body
        let target = request.path ?? "/"
        let pathPart: Substring
        let queryPart: Substring
        if let mark = target.firstIndex(of: "?") {
            pathPart = target[..<mark]
            queryPart = target[target.index(after: mark)...]
        } else {
            pathPart = Substring(target)
            queryPart = ""
        }
        segments = pathPart.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        query = Self.parseQuery(queryPart)
        base = fallbackBase ?? Self.derivedBase(request)
    }

    /// Builds a request for one operation inside a `/Bulk` request.
    init(bulk method: HTTPRequest.Method, path: String, body: Data, ifMatch: String?, base: String) {
        self.method = method
        segments = path.split(separator: "/").map(String.init)
        query = [:]
        headers = [:]
        if let ifMatch { headers[.ifMatch] = ifMatch }
        self.body = body
        self.base = base
    }

    private static func parseQuery(_ text: Substring) -> [String: String] {
        var query: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            query[name.lowercased()] = value.removingPercentEncoding ?? value
        }
        return query
    }

    private static func derivedBase(_ request: HTTPRequest) -> String {
        let prefix = request.headerFields[HTTPField.Name("X-Forwarded-Prefix")!] ?? ""
        guard let authority = request.authority else { return prefix }
        return "\(request.scheme ?? "http")://\(authority)\(prefix)"
    }

    /// The body as a JSON object, or 400 `invalidSyntax`.
    func jsonObject() throws(SCIMError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badRequest(.invalidSyntax, "the request body is not valid JSON: \(error.description)")
        }
        guard case .object(let object) = value else {
            throw .badRequest(.invalidSyntax, "the request body must be a JSON object, not \(value.typeName)")
        }
        return object
    }
}

extension EmulatorResponse {
    /// A SCIM answer with `Content-Type: application/scim+json`.
    static func scim(_ status: Int, _ body: JSONValue?, headers: HTTPFields = [:]) -> EmulatorResponse {
        var fields = headers
        if body != nil { fields[.contentType] = "application/scim+json" }
        return EmulatorResponse(
            head: HTTPResponse(status: .init(code: status), headerFields: fields), body: body?.serialized ?? Data())
    }

    /// The SCIM error body for `error`.
    static func scimError(_ error: SCIMError) -> EmulatorResponse {
        scim(error.status, error.body, headers: error.headers)
    }
}
