import Foundation
import HTTPTypes

/// Turns a non-2xx SCIM answer into a `ProviderError` with the vendor's own words.
enum SCIMErrorMapper {
    static func error(
        provider: String, method: HTTPRequest.Method, path: String, head: HTTPResponse, body: Data
    )
        -> ProviderError
    {
        let code = head.status.code
        let json = try? JSONValue(parsing: body)
        let scimType = json?["scimType"]?.string
        let detail = json?["detail"]?.string ?? json?["message"]?.string ?? json?["error_description"]?.string
        let kind = self.kind(status: code, scimType: scimType)
        var message = "\(method) \(Self.trimQuery(path)) answered \(code)"
        if let scimType { message += " \(scimType)" }
        if let detail { message += ": \(detail)" }
        if kind == .unauthorized {
            message +=
                code == 401
                ? " (the credentials were rejected: check that the token is valid and not expired or revoked)"
                : " (the credentials lack a permission this call needs)"
        }
        return ProviderError(kind, provider: provider, message, status: code, vendorDetail: detail)
    }

    static func kind(status: Int, scimType: String?) -> ProviderError.Kind {
        switch status {
        case 401, 403: return .unauthorized
        case 412: return .stale
        case 400 where scimType == "invalidVers": return .stale
        case 429: return .rateLimited
        case 500...: return .transient
        default: return .permanent
        }
    }

    static func trimQuery(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }
}
