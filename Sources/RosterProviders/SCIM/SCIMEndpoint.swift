public import HTTPTypes

/// Where a SCIM service lives: scheme, host and the path prefix every resource path is appended to.
public struct SCIMEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `https`, `http` (loopback only) or `emulator`.
    public var scheme: String
    /// Host and port.
    public var authority: String
    /// Path prefix without a trailing slash, for example `/scim/v2`.
    public var pathPrefix: String

    /// Creates an endpoint from parts.
    public init(scheme: String, authority: String, pathPrefix: String) {
        self.scheme = scheme
        self.authority = authority
        self.pathPrefix = pathPrefix.hasSuffix("/") ? String(pathPrefix.dropLast()) : pathPrefix
    }

    /// Parses `https://host[:port]/prefix`; nil when it is not an absolute http(s) URL.
    public init?(url: String) {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, ["http", "https"].contains(parts[0].lowercased()) else { return nil }
        let rest = parts[1]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        guard slash > rest.startIndex else { return nil }
        self.init(scheme: parts[0].lowercased(), authority: String(rest[..<slash]), pathPrefix: String(rest[slash...]))
    }

    /// A request for `path` (which may carry a query) under the prefix.
    public func request(_ method: HTTPRequest.Method, _ path: String) -> HTTPRequest {
        var request = HTTPRequest(method: method, scheme: scheme, authority: authority, path: pathPrefix + path)
        request.headerFields[.accept] = "application/scim+json, application/json"
        return request
    }

    /// `https://host/prefix`.
    public var description: String { "\(scheme)://\(authority)\(pathPrefix)" }
}
