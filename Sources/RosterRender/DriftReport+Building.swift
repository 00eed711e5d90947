public import Foundation
public import RosterModel

extension DriftReport {
    /// Classifies a plan's steps, and the live objects no manifest declares, into the four kinds of drift.
    ///
    /// - Parameters:
    ///   - plan: The plan computed from `desired` and `live`.
    ///   - live: What the providers hold.
    ///   - desired: What the manifests ask for.
    ///   - createdAt: When the check ran.
    ///   - baseline: An earlier report; unmanaged objects absent from it are marked new.
    public init(plan: Plan, live: LiveState, desired: DesiredState, createdAt: Date, baseline: DriftReport? = nil) {
        var created: Set<ResourceAddress> = []
        var removed: Set<ResourceAddress> = []
        for step in plan.steps where step.address.kind == .user || step.address.kind == .group {
            if step.action == .create { created.insert(step.address) }
            if step.action == .deactivate || step.action == .delete { removed.insert(step.address) }
        }
        let declared = Declared(desired)
        var changed: [Entry] = []
        var missing: [Entry] = []
        var orphaned: [Entry] = []
        for step in plan.steps {
            let entry = Entry(step)
            let objects = Self.objects(of: step.address)
            if objects.contains(where: created.contains) {
                missing.append(entry)
            } else if objects.contains(where: { removed.contains($0) && !declared.contains($0) }) {
                orphaned.append(entry)
            } else {
                changed.append(entry)
            }
        }
        let unmanaged = Self.unmanaged(live, declared: declared, removed: removed, baseline: baseline)
        self.init(
            formatVersion: Self.currentFormatVersion, createdAt: PlanFormat.timestamp(createdAt), providers: [],
            changed: changed, missing: missing, orphaned: orphaned, unmanaged: unmanaged,
            hasBaseline: baseline != nil)
        providers = plan.providers.map { summary in
            func count(_ entries: [Entry]) -> Int { entries.filter { $0.provider == summary.name }.count }
            let own = unmanaged.filter { $0.provider == summary.name }
            return ProviderCounts(
                name: summary.name, type: summary.type, changed: count(changed), missing: count(missing),
                orphaned: count(orphaned), unmanaged: own.count, new: own.filter(\.new).count)
        }
    }

    /// The user and group a step's object belongs to: a membership belongs to its group and its user.
    static func objects(of address: ResourceAddress) -> [ResourceAddress] {
        switch address.kind {
        case .user, .group, .skill: [address]
        case .membership:
            [.group(address.provider, address.keys[0]), .user(address.provider, address.keys[1])]
        case .userSkill: [.user(address.provider, address.keys[0])]
        }
    }

    /// Live users and groups without roster's marker that are neither declared nor being deprovisioned, in provider
    /// and name order (roster's own undeclared objects are either being deprovisioned or already are).
    static func unmanaged(
        _ live: LiveState, declared: Declared, removed: Set<ResourceAddress>, baseline: DriftReport?
    ) -> [UnmanagedEntry] {
        let known = Set(
            (baseline?.unmanaged ?? []).map { "\($0.provider)/\($0.kind.rawValue)/\($0.name.lowercased())" })
        var entries: [UnmanagedEntry] = []
        for (provider, resources) in live.providers.sorted(by: { $0.key < $1.key }) {
            for user in resources.users.sorted(by: { $0.value.key < $1.value.key }) {
                let address = ResourceAddress.user(provider, user.value.key)
                guard !declared.contains(address), !removed.contains(address), !Ownership.isOwned(user.value.externalId)
                else { continue }
                let isNew = baseline != nil && !known.contains("\(provider)/user/\(user.value.key)")
                entries.append(
                    UnmanagedEntry(
                        provider: provider, kind: .user, name: user.value.userName, id: user.id,
                        active: user.value.active, new: isNew))
            }
            for group in resources.groups.sorted(by: { $0.value.key < $1.value.key }) {
                let address = ResourceAddress.group(provider, group.value.key)
                guard !declared.contains(address), !removed.contains(address),
                    !Ownership.isOwned(group.value.externalId)
                else { continue }
                let isNew = baseline != nil && !known.contains("\(provider)/group/\(group.value.name.lowercased())")
                entries.append(
                    UnmanagedEntry(
                        provider: provider, kind: .group, name: group.value.name, id: group.id, active: nil,
                        new: isNew))
            }
        }
        return entries
    }

    /// The users and groups the manifests declare, by address.
    struct Declared {
        private var addresses: Set<ResourceAddress> = []

        init(_ desired: DesiredState) {
            for (provider, resources) in desired.resources {
                for user in resources.users { addresses.insert(.user(provider, user.key)) }
                for group in resources.groups { addresses.insert(.group(provider, group.key)) }
            }
        }

        func contains(_ address: ResourceAddress) -> Bool { addresses.contains(address) }
    }
}

extension DriftReport.Entry {
    /// The entry for one plan step.
    init(_ step: PlanStep) {
        self.init(
            address: step.address.description, provider: step.address.provider, kind: step.address.kind,
            keys: step.address.keys, action: step.action, changes: step.changes.map(PlanDocument.ChangeEntry.init),
            reason: step.reason)
    }
}
