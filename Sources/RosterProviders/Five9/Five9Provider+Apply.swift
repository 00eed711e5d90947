public import RosterModel

extension Five9Provider {
    /// Executes one step; SOAP faults come back as `ProviderError`s naming the object.
    public func apply(_ step: PlanStep) async throws {
        try await translatingFaults(Self.describe(step.address)) {
            switch step.address.kind {
            case .user: try await applyUser(step)
            case .group: try await applyGroup(step)
            case .membership: try await applyMembership(step)
            case .skill: try await applySkill(step)
            case .userSkill: try await applyUserSkill(step)
            }
        }
    }

    /// The object a step touches, in words: `user 'ana@acme.example'`, `skill 'Sales' of 'ana@acme.example'`.
    static func describe(_ address: ResourceAddress) -> String {
        let first = address.keys.first ?? "?"
        let second = address.keys.dropFirst().first ?? "?"
        switch address.kind {
        case .user: return "user '\(first)'"
        case .group: return "agent group '\(first)'"
        case .skill: return "skill '\(first)'"
        case .membership: return "'\(second)' in agent group '\(first)'"
        case .userSkill: return "skill '\(second)' of '\(first)'"
        }
    }

    /// An action a kind does not have.
    func unsupported(_ step: PlanStep) -> ProviderError {
        ProviderError(
            .configuration, provider: name,
            "\(step.action.rawValue) \(step.address.kind.rawValue) is not something \(name) (five9) can do")
    }

    /// A user step: create, update, reactivate, deactivate or delete.
    func applyUser(_ step: PlanStep) async throws {
        switch step.action {
        case .create: try await createUser(step)
        case .update, .reactivate, .deactivate: try await updateUser(step)
        case .delete: try await deleteUser(step)
        case .manual: return
        case .add, .modify, .remove: throw unsupported(step)
        }
    }

    /// `createUser` with roles (at least one) and roster's marker; skills and groups follow as their own steps.
    ///
    /// A lost answer or `UserAlreadyExistsFault` is resolved by looking the exact name up: when roster's marker is
    /// on it, the earlier attempt worked and nothing is sent again.
    func createUser(_ step: PlanStep) async throws {
        guard let user = step.user else { throw missingPayload(step) }
        guard !user.roles.isEmpty else {
            throw ProviderError(
                .permanent, provider: name,
                "five9 users need at least one role; give '\(user.userName)' agent, supervisor, admin or reporting")
        }
        if let scim { return try await createSCIMUser(user, scim: scim) }
        let general = Five9Wire.UserGeneralInfo(
            creating: user, password: initialPassword ?? Five9InitialPassword.generate())
        let info = Five9Wire.UserInfo(generalInfo: general, roles: Five9Wire.UserRoles(granting: user.roles))
        for attempt in 1...3 {
            do {
                let created = try await soap.createUser(info)
                record(created?.generalInfo?.userName == nil ? try await soap.user(named: user.userName) : created)
                return
            } catch let error as TransportError {
                if try await adoptIfCreated(user) { return }
                if attempt == 3 {
                    throw ProviderError(.transient, provider: name, "createUser got no answer three times (\(error))")
                }
            } catch let fault as Five9Fault where fault.reason == .alreadyExists {
                if try await adoptIfCreated(user) { return }
                throw ProviderError(
                    .permanent, provider: name,
                    "createUser for user '\(user.userName)' failed: \(fault.name): a user with that name exists "
                        + "but roster did not create it (declare it in the manifests to manage it, or rename it)",
                    status: 500, vendorDetail: fault.message)
            }
        }
    }

    /// Looks the exact userName up; records it and returns true when it carries roster's marker for this user.
    func adoptIfCreated(_ user: User) async throws -> Bool {
        guard let found = try await soap.user(named: user.userName),
            Five9Ownership.marker(of: found.generalInfo) == user.externalId
        else { return false }
        record(found)
        return true
    }

    /// `modifyUser` (read-modify-write of general info, roles added with defaults or removed) and, with the SCIM
    /// lifecycle, a SCIM PATCH for state, names and email.
    ///
    /// After a lost answer the user is read fresh: when it already shows the change nothing is sent again.
    func updateUser(_ step: PlanStep) async throws {
        let key = step.address.keys[0]
        for attempt in 1...3 {
            let current = try await userInfo(key)
            do {
                try await modify(step, current)
                return
            } catch let error where attempt < 3 && Self.isLostAnswer(error) {
                users[key] = nil
                if userMatches(step, try await userInfo(key)) { return }
            }
        }
    }

    /// Sends one user step's changes: through SCIM for state, names and email when the SCIM lifecycle is on, the
    /// rest (roles, locale; everything without SCIM) through `modifyUser`.
    func modify(_ step: PlanStep, _ current: Five9Wire.UserInfo) async throws {
        var changes = step.changes
        if let scim {
            let viaSCIM = changes.filter { Self.scimAttributes.contains($0.name) }
            changes.removeAll { Self.scimAttributes.contains($0.name) }
            if !viaSCIM.isEmpty { try await patchSCIMUser(step.address.keys[0], viaSCIM, scim: scim) }
        }
        guard var general = current.generalInfo?.forModify, let userName = general.userName else {
            throw ProviderError(
                .malformed, provider: name, "\(name) returned user '\(step.address.keys[0])' without general info")
        }
        var changed = false
        var roles: (set: Five9Wire.UserRoles?, remove: [String]) = (nil, [])
        for change in changes {
            if change.name == Attribute.roles {
                roles = try roleChanges(from: current.roles?.names ?? [], to: change.after, user: userName)
                changed = changed || roles.set != nil || !roles.remove.isEmpty
            } else if general.set(change.name, change.after) {
                changed = true
            }
        }
        guard changed else { return }
        let updated = try await soap.modifyUser(general, rolesToSet: roles.set, rolesToRemove: roles.remove)
        record(updated?.generalInfo?.userName == nil ? try await soap.user(named: userName) : updated)
    }

    /// Roles to add (with default permissions) and to remove (as `userRoleType`s); refuses to leave none.
    func roleChanges(
        from current: [String], to desired: AttributeValue?, user: String
    ) throws -> (set: Five9Wire.UserRoles?, remove: [String]) {
        guard case .list(let wanted) = desired, !wanted.isEmpty else {
            throw ProviderError(
                .permanent, provider: name,
                "five9 users need at least one role; '\(user)' would be left with none "
                    + "(give agent, supervisor, admin or reporting)")
        }
        let add = Set(wanted).subtracting(current).sorted()
        let remove = Set(current).subtracting(wanted).sorted().compactMap { Five9RoleName.roleTypes[$0] }
        return (add.isEmpty ? nil : Five9Wire.UserRoles(granting: add), remove)
    }

    /// `deleteUser` (or SCIM DELETE); a user already gone counts as deleted.
    func deleteUser(_ step: PlanStep) async throws {
        let key = step.address.keys[0]
        defer { users[key] = nil }
        if let scim { return try await deleteSCIMUser(key, scim: scim) }
        guard let userName = try await lookUpUser(key)?.generalInfo?.userName else { return }
        for attempt in 1...3 {
            do {
                try await soap.deleteUser(userName)
                return
            } catch let fault as Five9Fault where fault.reason == .notFound {
                return
            } catch let error as TransportError where attempt < 3 {
                _ = error
            }
        }
    }

    /// Whether an error means the request may or may not have been acted on.
    static func isLostAnswer(_ error: any Error) -> Bool {
        if error is TransportError { return true }
        if case SCIMFailure.noResponse = error { return true }
        return false
    }
}
