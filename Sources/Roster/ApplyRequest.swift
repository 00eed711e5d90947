import Crypto
public import Foundation
public import RosterModel

/// What `roster apply` was asked to do.
public struct ApplyRequest: Sendable {
    /// A saved plan to apply exactly (nil: plan afresh and apply that).
    public var savedPlan: SavedPlan?
    /// Scoped allowances for unsafe plans, `provider:kind` (for example, `corp:deprovision`).
    public var allow: Set<String>
    /// Re-plan the objects that moved since a saved plan instead of refusing.
    public var replanStale: Bool
    /// Receives progress events.
    public var onEvent: @Sendable (ApplyEvent) -> Void
    /// Receives the plan about to run, after every check passed and before the first step.
    public var onPlan: @Sendable (Plan) -> Void

    /// Creates a request.
    public init(
        savedPlan: SavedPlan? = nil, allow: Set<String> = [], replanStale: Bool = false,
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in },
        onPlan: @escaping @Sendable (Plan) -> Void = { _ in }
    ) {
        self.savedPlan = savedPlan
        self.allow = allow
        self.replanStale = replanStale
        self.onEvent = onEvent
        self.onPlan = onPlan
    }
}

/// A plan read back from a plan file, with what it claims about itself.
public struct SavedPlan: Sendable {
    /// The plan.
    public var plan: Plan
    /// The roster version that wrote it.
    public var rosterVersion: String
    /// The digest of the manifests it was made from.
    public var manifestDigest: String?
    /// The digest it carries (checked against the content).
    public var planDigest: String?
    /// The bytes the digest covers: the whole document without its digest.
    public var digestPayload: Data
    /// Where it came from, for messages.
    public var path: String

    /// Creates a saved plan.
    public init(
        plan: Plan, rosterVersion: String, manifestDigest: String?, planDigest: String?, digestPayload: Data,
        path: String
    ) {
        self.plan = plan
        self.rosterVersion = rosterVersion
        self.manifestDigest = manifestDigest
        self.planDigest = planDigest
        self.digestPayload = digestPayload
        self.path = path
    }
}

/// The SHA-256 roster stamps on a plan document's payload, so a saved plan file can be checked for tampering.
public func planDigest(payload: Data) -> String { "sha256:" + Digest.hex(SHA256.hash(data: payload)) }
