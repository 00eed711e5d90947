public import HTTPTypes

/// Where a Five9 admin web service lives: `https://<host>/wsadmin/<version>/AdminWebService` (five9.md §1.1–1.2).
public struct Five9Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// `https`, `http` (loopback only) or `emulator`.
    public var scheme: String
    /// Host and port, for example `api.five9.com` (US) or `api.five9.eu` (UK).
    public var authority: String
    /// The API version path segment; `v13` is the newest the notes confirm.
    public var version: String
    /// A path in front of `/wsadmin` (a proxy, or `roster emulator serve`'s `/<provider>`); empty for Five9 itself.
    public var pathPrefix: String

    /// Creates an endpoint from parts.
    public init(scheme: String = "https", authority: String, version: String = "v13", pathPrefix: String = "") {
        self.scheme = scheme
        self.authority = authority
        self.version = version
        self.pathPrefix = pathPrefix.hasSuffix("/") ? String(pathPrefix.dropLast()) : pathPrefix
    }

    /// Parses `https://host[:port][/prefix]`: a path up to `/wsadmin` is kept as a prefix (a proxy); the version is
    /// the default `v13` unless the URL names one, as in `https://api.five9.com/wsadmin/v12/AdminWebService`.
    ///
    /// Returns nil when `url` is not an absolute http(s) URL.
    public init?(url: String) {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, ["http", "https"].contains(parts[0].lowercased()) else { return nil }
        let rest = parts[1]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        guard slash > rest.startIndex else { return nil }
        let segments = rest[slash...].split(separator: "/")
        var version = "v13"
        let wsadmin = segments.firstIndex(of: "wsadmin")
        if let index = wsadmin, index + 1 < segments.count, segments[index + 1].hasPrefix("v") {
            version = String(segments[index + 1])
        }
        let prefix = segments[..<(wsadmin ?? segments.endIndex)].map { "/" + $0 }.joined()
        self.init(
            scheme: parts[0].lowercased(), authority: String(rest[..<slash]), version: version, pathPrefix: prefix)
    }

    /// The SOAP POST path.
    public var path: String { "\(pathPrefix)/wsadmin/\(version)/AdminWebService" }

    /// A SOAP 1.1 POST with the headers Five9's own clients send (`SOAPAction: ""`, `text/xml;charset=UTF-8`).
    public func request() -> HTTPRequest {
        var request = HTTPRequest(method: .post, scheme: scheme, authority: authority, path: path)
        request.headerFields[.contentType] = "text/xml;charset=UTF-8"
        request.headerFields[.accept] = "text/xml"
        request.headerFields[Self.soapAction] = "\"\""
        return request
    }

    /// `https://api.five9.com/wsadmin/v13/AdminWebService`.
    public var description: String { "\(scheme)://\(authority)\(path)" }

    static let soapAction = HTTPField.Name("SOAPAction")!
}
