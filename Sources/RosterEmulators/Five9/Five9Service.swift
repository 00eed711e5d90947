import Foundation
import HTTPTypes

/// The Five9 domain behind both faces (SOAP admin web service and SCIM): one store, one journal, the call
/// counters, the in-flight requests per admin user, fault injection and the counters tests read.
actor Five9Service {
    let config: Five9Configuration
    var store: Five9Store
    var stats = Five9Stats()
    var ssoReady: Bool
    var faults: FaultInjector
    var counters: Five9CallCounters
    /// Requests in flight per admin user.
    var inFlight: [String: Int] = [:]
    var extensionCursor = 0
    let clock: EmulatorClock
    private let startWall: Date
    private var folder: Five9StateFolder?
    private(set) var isClosed = false

    init(
        config: Five9Configuration, initial: () throws(SCIMEmulatorError) -> Five9Store, stateDirectory: URL?,
        faults: [FaultRule], clock: any Clock<Duration>, now: Date
    ) throws(SCIMEmulatorError) {
        if let stateDirectory {
            let (folder, store) = try Five9StateFolder.open(stateDirectory, initial: initial)
            self.folder = folder
            self.store = store
        } else {
            self.store = try initial()
        }
        self.config = config
        self.ssoReady = config.ssoReady
        self.faults = FaultInjector(rules: faults, seed: 0x5F19_2026)
        self.counters = Five9CallCounters(limits: config.limits)
        self.clock = EmulatorClock(clock)
        self.startWall = now
    }

    /// Journals `mutations` (fsync) and then applies them; nothing is applied if the journal cannot be written.
    func commit(_ mutations: [Five9Mutation]) throws(Five9Fault) {
        guard !mutations.isEmpty else { return }
        if let folder {
            do {
                try folder.append(mutations, ids: store.ids)
            } catch {
                throw .server("The change could not be persisted: \(error)")
            }
        }
        for mutation in mutations { store.apply(mutation) }
        stats.writesApplied += 1
        if let folder, folder.journalEntries > max(1_000, store.users.count + store.groups.count) {
            try? folder.compact(store)  // if it fails, the journal still holds every change
        }
    }

    /// Writes a fresh snapshot and empties the journal (no-op without a state folder).
    func compact() throws(SCIMEmulatorError) {
        try folder?.compact(store)
    }

    /// Compacts and closes the state folder; later requests are answered 503.
    func close() throws(SCIMEmulatorError) {
        guard !isClosed else { return }
        isClosed = true
        try folder?.close(store)
        folder = nil
    }

    /// The time in the data center's zone, in seconds since 1970 as if that zone were UTC: what the limit
    /// windows (minute, hour, day) are aligned to.
    func localSeconds() -> Int64 {
        let date = startWall.addingTimeInterval(Self.seconds(clock.elapsed()))
        let utc = Int64(date.timeIntervalSince1970.rounded(.down))
        return utc + Int64(config.timeZone.secondsFromGMT(for: date))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Adds a fault rule after those in force.
    func inject(_ rule: FaultRule) {
        faults.add(rule)
    }

    /// Removes every fault rule.
    func clearFaults() {
        faults.removeAll()
    }

    /// Declares the domain's SAML SSO configured (or not).
    func setSSOReady(_ ready: Bool) {
        ssoReady = ready
    }

    /// A stored user with its agent groups filled in.
    func userWithGroups(_ user: Five9User) -> Five9User {
        var copy = user
        copy.agentGroups = store.groupNames(of: user.userName)
        return copy
    }

    /// The calls counted so far in the current window.
    func callCount(_ category: Five9CallCounters.Category, _ window: Five9CallCounters.Window, admin: String) -> Int {
        counters.value(category, window, scope: counterScope(admin), at: localSeconds())
    }

    /// The counter key of an admin user's calls.
    func counterScope(_ admin: String) -> String {
        config.countersPerCredential ? "user:" + admin : "domain"
    }
}
