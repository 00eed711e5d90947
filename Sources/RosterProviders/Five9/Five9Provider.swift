public import RosterModel

/// The Five9 provider: users, roles, skills with levels and agent groups through the SOAP admin web service, and
/// optionally the user lifecycle (create, deactivate, delete) through Five9's SCIM service.
///
/// Every call goes through the SOAP client's `Five9CallBudget` (counters, one in flight, user-skill spacing).
public actor Five9Provider: Provider {
    /// The manifest name.
    public nonisolated let name: String
    /// What the provider can do (the SCIM lifecycle without SSO cannot create users).
    public nonisolated let capabilities: ProviderCapabilities
    let soap: Five9SOAPClient
    let scim: SCIMClient?
    let ssoReady: Bool
    let initialPassword: Credential?
    /// Users as last read or written, by lowercased userName (Five9 names are case-sensitive; roster keys are not).
    var users: [String: Five9Wire.UserInfo] = [:]
    /// Agent groups as last read or written, by name.
    var groups: [String: Five9Wire.AgentGroup] = [:]
    /// One agent-group change at a time: `modifyAgentGroup` sends the group as last read, so two changes that
    /// interleave across an `await` would each send a list missing the other's member.
    let groupWrites = ConcurrencyLimiter(limit: 1)
    /// SCIM ids and externalIds by lowercased userName (SCIM lifecycle only).
    var scimUsers: [String: SCIMRecord] = [:]

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - name: The manifest name.
    ///   - soap: The admin web service client (roles, skills, agent groups; users unless `scim` is given).
    ///   - scim: A SCIM client (Bearer token) for the user lifecycle; nil to do everything through SOAP.
    ///   - ssoReady: Whether the domain's SAML SSO is configured; SCIM creates are refused without it.
    ///   - initialPassword: The password new SOAP users get (they must change it at first login); nil generates a
    ///     random one per user that is never shown anywhere.
    public init(
        name: String, soap: Five9SOAPClient, scim: SCIMClient? = nil, ssoReady: Bool = false,
        initialPassword: Credential? = nil
    ) {
        self.name = name
        self.soap = soap
        self.scim = scim
        self.ssoReady = ssoReady
        self.initialPassword = initialPassword
        self.capabilities = Self.capabilities(scimLifecycle: scim != nil, ssoReady: ssoReady)
    }

    /// A SCIM user as this provider last saw it.
    struct SCIMRecord: Sendable {
        var id: String
        var externalId: String?
    }

    /// Records a user the service returned.
    func record(_ info: Five9Wire.UserInfo?) {
        guard let info, let userName = info.generalInfo?.userName else { return }
        users[userName.lowercased()] = info
    }

    /// The user behind a roster key: from the last read, else looked up fresh; nil when there is none.
    func lookUpUser(_ key: String) async throws -> Five9Wire.UserInfo? {
        if let known = users[key] { return known }
        let found = try await soap.users(matchingKey: key)
        guard found.count <= 1 else {
            throw ProviderError(
                .permanent, provider: name,
                "\(name) holds \(found.count) users named '\(key)' in different cases; roster will not guess which")
        }
        record(found.first)
        return found.first
    }

    /// The user behind a roster key, which must exist.
    func userInfo(_ key: String) async throws -> Five9Wire.UserInfo {
        guard let info = try await lookUpUser(key) else {
            throw ProviderError(.permanent, provider: name, "user '\(key)' is not on \(name)")
        }
        return info
    }

    /// The Five9 spelling of a user's name.
    func userName(_ key: String) async throws -> String {
        try await userInfo(key).generalInfo?.userName ?? key
    }

    /// The agent group named `name`: from the last read, else read fresh.
    func agentGroup(_ name: String) async throws -> Five9Wire.AgentGroup? {
        if let known = groups[name] { return known }
        let fresh = try await soap.agentGroup(named: name)
        groups[name] = fresh
        return fresh
    }

    func missingPayload(_ step: PlanStep) -> ProviderError {
        ProviderError(.configuration, provider: name, "plan step \(step.id) carries no desired object")
    }
}
