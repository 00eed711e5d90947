public import Foundation
public import HTTPTypes

/// Adds `Authorization: Bearer <token>` from a token source; on a 401 it asks the source for a fresh token once
/// (OAuth tokens expire), then gives the 401 back.
public struct BearerTransport: HTTPTransport {
    let base: any HTTPTransport
    let tokens: any TokenSource

    /// Wraps `base`.
    public init(_ base: any HTTPTransport, tokens: any TokenSource) {
        self.base = base
        self.tokens = tokens
    }

    /// Sends with the current token, refreshing once on 401.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        var authorized = request
        authorized.headerFields[.authorization] = "Bearer \(try await tokens.token(refresh: false).secret)"
        let (head, data) = try await base.send(authorized, body: body)
        guard head.status.code == 401, tokens.canRefresh else { return (head, data) }
        authorized.headerFields[.authorization] = "Bearer \(try await tokens.token(refresh: true).secret)"
        return try await base.send(authorized, body: body)
    }
}

/// Where bearer tokens come from: a static token, or an OAuth client-credentials exchange with caching.
public protocol TokenSource: Sendable {
    /// Whether asking again can give a different token.
    var canRefresh: Bool { get }
    /// The current token; `refresh` forces a new one.
    func token(refresh: Bool) async throws -> Credential
}

/// A token that never changes (SCIM bearer tokens pasted from an admin console).
public struct StaticToken: TokenSource {
    let credential: Credential

    /// Wraps a token.
    public init(_ credential: Credential) { self.credential = credential }

    /// Never refreshes.
    public var canRefresh: Bool { false }

    /// The token.
    public func token(refresh: Bool) async throws -> Credential { credential }
}
