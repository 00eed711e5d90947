import Foundation

/// Where a vendor serves SCIM: a fixed path prefix, possibly with one tenant segment (8x8's customer id, Webex's
/// org id), in front of the generic emulator's routes.
struct VendorMount: Sendable {
    /// One segment of the prefix.
    enum Segment: Sendable {
        /// Must equal this text, ignoring case.
        case literal(String)
        /// The tenant segment; the check returns nil to accept it or the error to answer.
        case tenant(@Sendable (String) -> SCIMError?)
    }

    /// The prefix, in order.
    var segments: [Segment]

    /// A mount at a fixed prefix such as `/api/v2/scim/v2`.
    init(_ path: String) {
        segments = path.split(separator: "/").map { .literal(String($0)) }
    }

    /// A mount whose prefix contains a tenant segment.
    init(segments: [Segment]) {
        self.segments = segments
    }

    /// Splits `target` (path and query) into the prefix and the rest the generic emulator sees (`/Users?x=1`),
    /// or the error to answer (404 outside the prefix, or the tenant check's error).
    func split(_ target: String) -> Result<(prefix: String, rest: String), SCIMError> {
        let mark = target.firstIndex(of: "?") ?? target.endIndex
        let query = target[mark...]
        let parts = target[..<mark].split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= segments.count else { return .failure(.notFound("no SCIM endpoint at \(target)")) }
        for (segment, part) in zip(segments, parts) {
            let decoded = part.removingPercentEncoding ?? part
            switch segment {
            case .literal(let text) where !decoded.equalsIgnoringASCIICase(text):
                return .failure(.notFound("no SCIM endpoint at \(target[..<mark])"))
            case .literal:
                continue
            case .tenant(let check):
                if let error = check(decoded) { return .failure(error) }
            }
        }
        let prefix = "/" + parts.prefix(segments.count).joined(separator: "/")
        let rest = "/" + parts.dropFirst(segments.count).joined(separator: "/") + query
        return .success((prefix, rest))
    }
}
