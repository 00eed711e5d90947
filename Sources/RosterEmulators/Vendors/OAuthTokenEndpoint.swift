public import Foundation
public import HTTPTypes

/// A vendor's OAuth login host: `POST /oauth/token` with `Authorization: Basic base64(id:secret)` and a form body
/// `grant_type=client_credentials` (plus `scope=…` where the vendor asks for one).
///
/// Serve it on its own loopback port (the login host differs from the API host).
public struct OAuthTokenEndpoint: EmulatorHandler {
    /// The grant state shared with the SCIM handler.
    public let issuer: OAuthTokenIssuer

    /// Answers `POST /oauth/token`; anything else is 404 or 405.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        let path = String((request.path ?? "/").prefix { $0 != "?" })
        guard path == "/oauth/token" else {
            return OAuthTokenIssuer.oauthError(404, "not_found", "no endpoint at \(path)")
        }
        guard request.method == .post else {
            return OAuthTokenIssuer.oauthError(405, "invalid_request", "use POST")
        }
        let form = Self.form(String(decoding: body, as: UTF8.self))
        return await issuer.grant(basic: Self.basic(request.headerFields[.authorization]), form: form)
    }

    /// The client id and secret of a `Basic` header.
    static func basic(_ header: String?) -> (id: String, secret: String)? {
        guard let header, header.hasPrefixIgnoringASCIICase("Basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    static func form(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
