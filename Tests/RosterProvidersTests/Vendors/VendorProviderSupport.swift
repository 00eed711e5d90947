import Clocks
import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport

/// A vendor emulator seed from JSON text.
func seed(_ json: String) throws -> VendorSeed {
    try VendorSeed(json: Data(json.utf8))
}

/// A SCIM provider in a vendor's dialect, talking to an in-process emulator.
func vendorProvider(
    _ name: String, dialect: SCIMDialect, api: any EmulatorHandler, pathPrefix: String,
    tokens: any TokenSource = StaticToken(Credential(SCIMEmulatorOptions().token)),
    pacedOn clock: (any Clock<Duration>)? = nil
) -> SCIMProvider {
    var transport: any HTTPTransport = BearerTransport(HandlerTransport(api), tokens: tokens)
    if let clock {
        let pace = dialect.capabilities.pace
        let limiter = RateLimiter(permitsPerSecond: pace.requestsPerSecond, clock: clock)
        transport = PacedTransport(transport, limiter: limiter, concurrency: pace.concurrency)
    }
    let endpoint = SCIMEndpoint(scheme: "https", authority: "\(name).test", pathPrefix: pathPrefix)
    let client = SCIMClient(
        provider: name, endpoint: endpoint, transport: transport, pageSize: dialect.pageSize, readConcurrency: 4)
    return SCIMProvider(name: name, client: client, dialect: dialect)
}

/// OAuth client-credentials tokens from an emulated login host.
func oauthTokens(
    _ name: String, login: any EmulatorHandler, scope: String? = nil, clock: any Clock<Duration> = ContinuousClock()
) -> ClientCredentialsToken {
    ClientCredentialsToken(
        provider: name, transport: HandlerTransport(login),
        tokenURL: URL(string: "https://login.\(name).test/oauth/token")!,
        clientID: Credential(VendorEmulators.defaultClient.id),
        clientSecret: Credential(VendorEmulators.defaultClient.secret), scope: scope, clock: clock)
}

/// A create step as the planner makes it: roster's ownership marker, every attribute a change.
func createStep(_ provider: String, _ user: User) -> PlanStep {
    var payload = user
    payload.externalId = "roster:\(user.key)"
    let changes =
        [AttributeChange(name: "userName", before: nil, after: .string(user.userName))]
        + payload.attributes.sorted { $0.key < $1.key }.map {
            AttributeChange(name: $0.key, before: nil, after: $0.value)
        }
    return PlanStep(
        address: .user(provider, user.key), action: .create, changes: changes, method: "POST", reason: "test",
        user: payload)
}

/// An update step for `changes` on a user whose desired state is `user`.
func updateStep(_ provider: String, _ user: User, _ changes: [AttributeChange], method: String) -> PlanStep {
    var payload = user
    payload.externalId = "roster:\(user.key)"
    return PlanStep(
        address: .user(provider, user.key), action: .update, changes: changes, method: method, reason: "test",
        user: payload)
}

/// The step that adopts `live` on `provider`: roster's ownership marker set, nothing else changed.
func adoptionStep(_ provider: String, _ live: LiveObject<User>, method: String, calls: Int) -> PlanStep {
    var desired = live.value
    desired.externalId = Ownership.marker(for: live.value.key)
    return PlanStep(
        address: .user(provider, live.value.key), action: .update,
        changes: [
            AttributeChange(name: "externalId", before: nil, after: desired.externalId.map(AttributeValue.string))
        ],
        method: method, reason: "adopted", liveID: live.id, user: desired, estimatedCalls: calls)
}
