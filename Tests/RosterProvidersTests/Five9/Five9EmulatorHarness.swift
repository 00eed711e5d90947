import Clocks
import Foundation
import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders

/// Sends requests to an in-process emulator: no socket, same bytes; a dropped response is a lost connection.
struct EmulatorTransport: HTTPTransport {
    let handler: any EmulatorHandler

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let response = await handler.handle(request, body: body ?? Data())
        if response.dropConnection { throw TransportError(.connectionLost, "the emulator dropped the response") }
        return (response.head, response.body)
    }
}

/// A Five9 emulator and a provider wired to it in process.
struct Five9Harness {
    let emulator: Five9Emulator
    let provider: Five9Provider

    /// A small domain: three skills (one unused), an agent with a skill, a supervisor, an inactive agent, a user to
    /// delete, an agent group.
    static let seed = #"""
        {"vendor": {
          "skills": [{"name": "Sales"}, {"name": "Billing"}, {"name": "Legacy"}],
          "users": [
            {"userName": "ana@acme.example", "firstName": "Ana", "lastName": "Lopez", "EMail": "ana@acme.example",
             "locale": "en-US", "roles": ["agent"], "skills": {"Sales": 1}},
            {"userName": "Old.Timer@acme.example", "firstName": "Old", "lastName": "Timer", "active": false,
             "roles": ["agent"]},
            {"userName": "sam@acme.example", "firstName": "Sam", "lastName": "Reed", "roles": ["supervisor", "reporting"]},
            {"userName": "temp@acme.example", "firstName": "Tem", "lastName": "Porary", "roles": ["agent"],
             "skills": {"Billing": 5}}
          ],
          "agentGroups": [{"name": "Tier1", "description": "First line", "agents": ["ana@acme.example"]},
                          {"name": "Night", "agents": ["temp@acme.example"]}]
        }}
        """#

    /// An emulator from `seed` (JSON with a `vendor` object) and a provider with a budget of `limits`.
    init(
        seed: String = Self.seed, limits: Five9CallLimits = .documented, spacing: Duration = .zero,
        clock: any Clock<Duration> = ImmediateClock(), scim: Bool = false, ssoReady: Bool = false,
        initialPassword: Credential? = Credential("Welcome#2026")
    ) throws {
        emulator = try VendorEmulators.five9(seed: VendorSeed(json: Data(seed.utf8)), clock: clock)
        let soap = Five9SOAPClient(
            provider: "five9", endpoint: Five9Endpoint(authority: "five9.emulator.invalid"),
            transport: EmulatorTransport(handler: emulator.soap), username: Credential(emulator.adminUserName),
            password: Credential(emulator.adminPassword),
            budget: Five9CallBudget(limits: limits, userSkillSpacing: spacing, clock: clock),
            retry: RetryPolicy(baseDelay: .zero), clock: clock)
        let scimClient =
            scim
            ? SCIMClient(
                provider: "five9",
                endpoint: SCIMEndpoint(scheme: "https", authority: "five9.emulator.invalid", pathPrefix: "/scim/v2"),
                transport: BearerTransport(
                    EmulatorTransport(handler: emulator.scim), tokens: StaticToken(Credential(emulator.scimToken))))
            : nil
        provider = Five9Provider(
            name: "five9", soap: soap, scim: scimClient, ssoReady: ssoReady, initialPassword: initialPassword
        )
    }

    /// The live user with this key after a fresh fetch.
    func liveUser(_ key: String) async throws -> LiveObject<User>? {
        try await provider.fetch().users.first { $0.value.key == key }
    }
}

/// A user step as the planner makes it.
func userStep(
    _ key: String, _ action: Action, user: User? = nil, changes: [AttributeChange] = []
) -> PlanStep {
    PlanStep(address: .user("five9", key), action: action, changes: changes, reason: "test", user: user)
}

/// A desired Five9 user as the manifest makes it, marked as roster's for creates.
func desiredUser(_ userName: String, roles: [String] = ["agent"], active: Bool = true) -> User {
    User(
        userName: userName, externalId: Ownership.marker(for: userName), active: active,
        attributes: [
            Attribute.givenName: .string("Bo"), Attribute.familyName: .string("Berg"),
            Attribute.email: .string(userName), Attribute.roles: .list(roles),
        ])
}
