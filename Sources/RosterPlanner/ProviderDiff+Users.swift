import RosterModel

extension ProviderDiff {
    /// Creates, updates, reactivates and deprovisions users.
    mutating func diffUsers() {
        for key in desiredUsers.keys.sorted() {
            let user = desiredUsers[key]!
            checkCatalog(user)
            if let existing = liveUsers[key] {
                updateUser(user, live: existing)
            } else {
                createUser(user)
            }
        }
        for key in liveUsers.keys.sorted() where desiredUsers[key] == nil {
            pruneUser(liveUsers[key]!)
        }
    }

    /// A create step for a user not on the provider, marked as roster's own.
    mutating func createUser(_ user: User) {
        guard capabilities.creatableKinds.contains(.user) else {
            let reason = capabilities.notCreatableReasons[.user].map { ": \($0)" } ?? ""
            diagnostics.append(
                .error(
                    "not-creatable",
                    "\(name) cannot create users through its API\(reason); '\(user.userName)' is missing there",
                    at: user.origin))
            return
        }
        if capabilities.userNameIsEmail && !user.userName.contains("@") {
            diagnostics.append(
                .error(
                    "invalid-username", "\(name) needs an email address as userName, got '\(user.userName)'",
                    at: user.origin))
            return
        }
        var payload = shaped(user)
        payload.externalId = Ownership.marker(for: user.key)
        let changes =
            [AttributeChange(name: "userName", before: nil, after: .string(user.userName))]
            + (user.active ? [] : [AttributeChange(name: "active", before: nil, after: .bool(false))])
            + payload.attributes.map { AttributeChange(name: $0.key, before: nil, after: $0.value) }
        steps.append(
            PlanStep(
                address: .user(name, user.key), action: .create, changes: changes, method: "POST",
                reason: "in the manifests, not on \(name)", user: payload, estimatedCalls: calls(.create),
                origin: user.origin))
        if let followUp = capabilities.manualFollowUps[.create] {
            steps.append(
                PlanStep(
                    address: .user(name, user.key), action: .manual, reason: followUp, estimatedCalls: 0,
                    origin: user.origin))
        }
    }

    /// An update, reactivate or deactivate step for a user on both sides, plus manual steps for write-once changes.
    mutating func updateUser(_ user: User, live existing: LiveObject<User>) {
        var changes: [AttributeChange] = []
        // Attributes iterate in name order; the shaped payload is only built for a user that gets a step.
        for (attribute, value) in user.attributes where managedAttributes.contains(attribute) {
            let current = existing.value.attributes[attribute]
            guard !Self.same(current, value, attribute: attribute) else { continue }
            if capabilities.writeOnceAttributes.contains(attribute) && current != nil {
                manualWriteOnce(user, attribute: attribute, from: current, to: value, live: existing)
            } else {
                changes.append(AttributeChange(name: attribute, before: current, after: value))
            }
        }
        if user.userName != existing.value.userName && user.key == existing.value.key {
            // Only the case differs: vendors match userNames case-insensitively, so leave it.
        }
        let adopting = adoption(of: existing)
        if adopting { changes.append(Self.markerChange(existing.value, key: user.key)) }
        let action: Action
        if user.active != existing.value.active {
            action = user.active ? .reactivate : .deactivate
            changes.append(
                AttributeChange(name: "active", before: .bool(existing.value.active), after: .bool(user.active)))
        } else if !changes.isEmpty {
            action = .update
        } else {
            return
        }
        let (method, methodReason) = updateMethod(for: changes)
        var payload = shaped(user)
        payload.externalId = adopting ? Ownership.marker(for: user.key) : existing.value.externalId
        let why =
            adopting
            ? (changes.count == 1
                ? "adopted (policy adopt: true): roster's ownership marker is set"
                : "\(reason(for: action)); adopted (policy adopt: true)") : reason(for: action)
        steps.append(
            PlanStep(
                address: .user(name, user.key), action: action, changes: changes, method: method,
                methodReason: methodReason, reason: why, liveID: existing.id,
                fingerprint: existing.fingerprint, user: payload,
                estimatedCalls: method == "PATCH" ? calls(action) : max(2, calls(.update)), origin: user.origin))
    }

    /// The HTTP method an attribute change needs, and why when it is not a plain PATCH.
    func updateMethod(for changes: [AttributeChange]) -> (String, String?) {
        guard capabilities.supportsPatch else {
            return (
                "GET+PUT",
                "\(provider.type) takes changes only as a full PUT; the object is fetched, merged and PUT back"
            )
        }
        guard let patchable = capabilities.patchableAttributes else { return ("PATCH", nil) }
        let blocked = changes.map(\.name).filter { !patchable.contains($0) }
        guard !blocked.isEmpty else { return ("PATCH", nil) }
        let allowed = patchable.sorted().joined(separator: ", ")
        return (
            "GET+PUT",
            "\(provider.type) PATCH can only change \(allowed); the full object is fetched, merged and PUT back so attributes roster does not manage are kept"
        )
    }

    /// A manual step for a change the API cannot make.
    mutating func manualWriteOnce(
        _ user: User, attribute: String, from current: AttributeValue?, to value: AttributeValue,
        live existing: LiveObject<User>
    ) {
        steps.append(
            PlanStep(
                address: .user(name, user.key), action: .manual,
                changes: [AttributeChange(name: attribute, before: current, after: value)],
                reason:
                    "\(provider.type) \(attribute) is write-once through the API; change it in the vendor's admin console",
                liveID: existing.id, fingerprint: existing.fingerprint, estimatedCalls: 0, origin: user.origin))
    }

    /// Deprovisions a live user absent from the manifests, as policy says, or counts it as unmanaged.
    mutating func pruneUser(_ existing: LiveObject<User>) {
        let policy = provider.policy
        let key = existing.value.key
        let owned = Ownership.isOwned(existing.value.externalId)
        let prune: Bool
        switch policy.prune {
        case .none: prune = false
        case .owned: prune = owned
        case .all: prune = true
        }
        guard prune, !policy.protect.contains(key) else {
            unmanagedUsers += 1
            return
        }
        let why =
            owned
            ? "not in the manifests and owned by roster (prune: \(policy.prune.rawValue))"
            : "not in the manifests (prune: all)"
        let delete = policy.deprovision == .delete && capabilities.deprovisionModes.contains(.delete)
        if delete {
            deprovisioned.insert(key)
            steps.append(
                PlanStep(
                    address: .user(name, key), action: .delete, method: "DELETE", reason: why, liveID: existing.id,
                    fingerprint: existing.fingerprint, estimatedCalls: calls(.delete)))
        } else if existing.value.active {
            deprovisioned.insert(key)
            steps.append(
                PlanStep(
                    address: .user(name, key), action: .deactivate,
                    changes: [AttributeChange(name: "active", before: .bool(true), after: .bool(false))],
                    method: capabilities.supportsPatch ? "PATCH" : "GET+PUT", reason: why, liveID: existing.id,
                    fingerprint: existing.fingerprint, estimatedCalls: calls(.deactivate)))
        }
    }

    /// Why an update-like step exists.
    func reason(for action: Action) -> String {
        switch action {
        case .reactivate: "in the manifests as active, deactivated on \(name)"
        case .deactivate: "in the manifests with active: false"
        case .create, .update, .delete, .add, .modify, .remove, .manual: "differs from the manifests"
        }
    }

    /// Whether a live value already matches a desired one (emails and managers compare case-insensitively).
    static func same(_ current: AttributeValue?, _ desired: AttributeValue, attribute: String) -> Bool {
        guard let current else { return false }
        if case .string(let a) = current, case .string(let b) = desired,
            attribute == Attribute.email || attribute == Attribute.manager
        {
            return a.lowercased() == b.lowercased()
        }
        return current.normalized == desired.normalized
    }
}
