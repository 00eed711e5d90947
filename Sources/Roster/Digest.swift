import Crypto
import Foundation
import RosterModel

/// SHA-256 digests for plan integrity and manifest identity.
enum Digest {
    /// The digest of the manifests: every file's path and content, in path order.
    static func manifest(_ sources: [String: String]) -> String {
        var hasher = SHA256()
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Data(path.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(text.utf8))
            hasher.update(data: Data([0]))
        }
        return hex(hasher.finalize())
    }

    /// The digest of a plan's content (steps, summaries, diagnostics, violations), canonical JSON.
    static func plan(_ plan: Plan) -> String {
        let data = (try? Fingerprint.canonicalEncoder.encode(plan)) ?? Data()
        return hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
