import RosterModel

extension Five9Provider {
    /// What goes through SCIM when the SCIM lifecycle is on; roles, locale and skills stay on SOAP.
    static let scimAttributes: Set<String> = [
        "active", "externalId", Attribute.givenName, Attribute.familyName, Attribute.email,
    ]

    /// POST /Users (refused unless SSO is declared ready), then roles and locale through `modifyUser`.
    ///
    /// A lost answer or a 409 is resolved by looking the user up: roster's `externalId` on it means an earlier
    /// attempt worked.
    func createSCIMUser(_ user: User, scim: SCIMClient) async throws {
        guard ssoReady else {
            throw ProviderError(
                .configuration, provider: name,
                "'\(user.userName)' was not created: \(name) creates users through Five9 SCIM, which needs SAML SSO "
                    + "configured first (set scim.ssoReady: true once SSO works)")
        }
        var scimUser = user
        scimUser.attributes = user.attributes.filter { Self.scimAttributes.contains($0.key) }
        let body = SCIMUserMapping().json(for: scimUser)
        for attempt in 1...3 {
            do {
                recordSCIM(try await scim.create("Users", body))
                break
            } catch SCIMFailure.noResponse(let error, _, _) {
                if let found = try await ownedSCIMUser(user, scim: scim) {
                    recordSCIM(found)
                    break
                }
                if attempt == 3 {
                    throw ProviderError(
                        .transient, provider: name, "SCIM POST /Users got no answer three times (\(error))")
                }
            } catch let error as ProviderError where error.status == 409 {
                guard let found = try await ownedSCIMUser(user, scim: scim) else {
                    throw ProviderError(
                        .permanent, provider: name,
                        "\(error.message); a user named '\(user.userName)' exists but roster did not create it",
                        status: 409, vendorDetail: error.vendorDetail)
                }
                recordSCIM(found)
                break
            }
        }
        try await setSOAPSide(of: user)
    }

    /// Sets the roles and locale of a user SCIM just created.
    func setSOAPSide(of user: User) async throws {
        guard let info = try await soap.user(named: user.userName), var general = info.generalInfo?.forModify else {
            throw ProviderError(
                .transient, provider: name,
                "'\(user.userName)' was created through SCIM but is not visible through SOAP yet")
        }
        let localeChanged =
            general.locale
            != user.attributes[Attribute.locale].flatMap { value -> String? in
                if case .string(let text) = value { return text } else { return nil }
            }
        if localeChanged { general.set(Attribute.locale, user.attributes[Attribute.locale]) }
        let roles = try roleChanges(from: info.roles?.names ?? [], to: .list(user.roles), user: user.userName)
        guard localeChanged || roles.set != nil || !roles.remove.isEmpty else { return record(info) }
        let updated = try await soap.modifyUser(general, rolesToSet: roles.set, rolesToRemove: roles.remove)
        record(updated?.generalInfo?.userName == nil ? try await soap.user(named: user.userName) : updated)
    }

    /// PATCH /Users/{id} with state, names and email.
    func patchSCIMUser(_ key: String, _ changes: [AttributeChange], scim: SCIMClient) async throws {
        guard let id = try await scimID(key, scim: scim) else {
            throw ProviderError(.permanent, provider: name, "user '\(key)' is not in \(name)'s SCIM service")
        }
        var operations: [PatchOperation] = []
        for change in changes {
            let value = SCIMUserMapping.json(change.after)
            switch change.name {
            case "active", "externalId": operations.append(PatchOperation(.replace, path: change.name, value: value))
            case Attribute.email:
                let email = JSONValue.object(["value": value, "type": .string("work"), "primary": .bool(true)])
                operations.append(PatchOperation(.replace, path: "emails", value: .array([email])))
            default: operations.append(PatchOperation(.replace, path: "name.\(change.name)", value: value))
            }
        }
        recordSCIM(try await scim.patch("Users", id: id, operations, version: nil))
    }

    /// DELETE /Users/{id}; a user already gone counts as deleted.
    func deleteSCIMUser(_ key: String, scim: SCIMClient) async throws {
        guard let id = try await scimID(key, scim: scim) else { return }
        for attempt in 1...3 {
            do {
                try await scim.delete("Users", id: id)
                break
            } catch let error as ProviderError where error.status == 404 {
                break
            } catch SCIMFailure.noResponse where attempt < 3 {}
        }
        scimUsers[key] = nil
    }

    /// The SCIM id of a user, from the last read or looked up by userName.
    func scimID(_ key: String, scim: SCIMClient) async throws -> String? {
        if let known = scimUsers[key] { return known.id }
        let found = try await scim.list("Users", filter: "userName eq \(SCIMProvider.quote(key))")
        found.forEach(recordSCIM)
        return scimUsers[key]?.id
    }

    /// The SCIM user with `user`'s name when it carries roster's marker for it.
    func ownedSCIMUser(_ user: User, scim: SCIMClient) async throws -> JSONValue? {
        let found = try await scim.list("Users", filter: "userName eq \(SCIMProvider.quote(user.userName))")
        return found.first { $0["externalId"]?.string == user.externalId }
    }

    /// Notes a SCIM user's id and externalId.
    func recordSCIM(_ json: JSONValue) {
        guard let id = json["id"]?.string, let userName = json["userName"]?.string else { return }
        scimUsers[userName.lowercased()] = SCIMRecord(id: id, externalId: json["externalId"]?.string)
    }
}
