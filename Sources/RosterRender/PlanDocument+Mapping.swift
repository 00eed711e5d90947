import RosterModel

// The only place that knows both the model and the wire shapes (R8). Every mapping is lossless both ways.

extension PlanDocument.Summary {
    init(plan: Plan) {
        var actions = Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0, 0) })
        for step in plan.steps { actions[step.action, default: 0] += 1 }
        self.init(
            actions: actions, steps: plan.steps.count,
            unmanagedUsers: plan.providers.reduce(0) { $0 + $1.unmanagedUsers },
            unmanagedGroups: plan.providers.reduce(0) { $0 + $1.unmanagedGroups },
            estimatedCalls: plan.providers.reduce(0) { $0 + $1.estimatedCalls },
            estimatedSeconds: plan.providers.map(\.estimatedSeconds).max() ?? 0)
    }
}

extension PlanDocument.ProviderEntry {
    init(_ summary: ProviderSummary) {
        self.init(
            name: summary.name, type: summary.type, counts: summary.counts, unmanagedUsers: summary.unmanagedUsers,
            unmanagedGroups: summary.unmanagedGroups, liveUsers: summary.liveUsers,
            estimatedCalls: summary.estimatedCalls, estimatedSeconds: summary.estimatedSeconds,
            pace: PlanDocument.PaceEntry(summary.pace))
    }

    func model() -> ProviderSummary {
        ProviderSummary(
            name: name, type: type, counts: counts, unmanagedUsers: unmanagedUsers, unmanagedGroups: unmanagedGroups,
            liveUsers: liveUsers, estimatedCalls: estimatedCalls, estimatedSeconds: estimatedSeconds,
            pace: pace.model())
    }
}

extension PlanDocument.PaceEntry {
    init(_ pace: Pace) {
        self.init(requestsPerSecond: pace.requestsPerSecond, concurrency: pace.concurrency, spacing: pace.spacing)
    }

    func model() -> Pace { Pace(requestsPerSecond: requestsPerSecond, concurrency: concurrency, spacing: spacing) }
}

extension PlanDocument.StepEntry {
    init(_ step: PlanStep) {
        self.init(
            id: step.id, address: PlanDocument.AddressEntry(step.address),
            action: step.action, changes: step.changes.map(PlanDocument.ChangeEntry.init), method: step.method,
            methodReason: step.methodReason, reason: step.reason, dependsOn: step.dependsOn, liveID: step.liveID,
            fingerprint: step.fingerprint, user: step.user.map(PlanDocument.UserEntry.init),
            group: step.group.map(PlanDocument.GroupEntry.init), level: step.level,
            estimatedCalls: step.estimatedCalls, origin: step.origin.map(PlanDocument.LocationEntry.init))
    }

    func model() -> PlanStep {
        var step = PlanStep(
            address: address.model(), action: action, method: method, methodReason: methodReason, reason: reason,
            dependsOn: dependsOn, liveID: liveID, fingerprint: fingerprint, user: user?.model(),
            group: group?.model(), level: level, estimatedCalls: estimatedCalls, origin: origin?.model())
        // Assigned, not passed to init: the document keeps the exact id and change order it was given.
        step.id = id
        step.changes = changes.map { $0.model() }
        return step
    }
}

extension PlanDocument.AddressEntry {
    init(_ address: ResourceAddress) {
        self.init(provider: address.provider, kind: address.kind, keys: address.keys)
    }

    func model() -> ResourceAddress { ResourceAddress(provider: provider, kind: kind, keys: keys) }
}

extension PlanDocument.ChangeEntry {
    init(_ change: AttributeChange) { self.init(name: change.name, before: change.before, after: change.after) }

    func model() -> AttributeChange { AttributeChange(name: name, before: before, after: after) }
}

extension PlanDocument.UserEntry {
    init(_ user: User) {
        self.init(
            userName: user.userName, externalId: user.externalId, active: user.active, attributes: user.attributes,
            origin: user.origin.map(PlanDocument.LocationEntry.init))
    }

    func model() -> User {
        var user = User(userName: userName, externalId: externalId, active: active, origin: origin?.model())
        user.attributes = attributes  // as written: `User.init` would normalise again
        return user
    }
}

extension PlanDocument.GroupEntry {
    init(_ group: Group) {
        self.init(
            name: group.name, externalId: group.externalId, members: group.members,
            origin: group.origin.map(PlanDocument.LocationEntry.init))
    }

    func model() -> Group {
        var group = Group(name: name, externalId: externalId, origin: origin?.model())
        group.members = members  // as written: `Group.init` would lowercase and sort again
        return group
    }
}

extension PlanDocument.LocationEntry {
    init(_ location: SourceLocation) { self.init(file: location.file, line: location.line, column: location.column) }

    func model() -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

extension PlanDocument.DiagnosticEntry {
    init(_ diagnostic: Diagnostic) {
        self.init(
            severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message,
            location: diagnostic.location.map(PlanDocument.LocationEntry.init), hint: diagnostic.hint,
            related: diagnostic.related.map(PlanDocument.LocationEntry.init))
    }

    func model() -> Diagnostic {
        Diagnostic(
            severity: severity, code: code, message: message, location: location?.model(), hint: hint,
            related: related.map { $0.model() })
    }
}

extension PlanDocument.ViolationEntry {
    init(_ violation: SafetyViolation) {
        self.init(
            provider: violation.provider, kind: violation.kind, count: violation.count,
            population: violation.population, limit: violation.limit, message: violation.message,
            allowance: violation.allowance)
    }

    func model() -> SafetyViolation {
        SafetyViolation(
            provider: provider, kind: kind, count: count, population: population, limit: limit, message: message)
    }
}
