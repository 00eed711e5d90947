public import Foundation
public import HTTPTypes

/// A generic SCIM 2.0 service provider (RFC 7643/7644) in memory, optionally persisted to a state folder, with
/// fault injection and a request-rate limit. Vendor dialects are chosen with `SCIMEmulatorOptions`.
///
/// ```swift
/// let scim = try SCIMEmulator(seed: SCIMSeed(contentsOf: seedURL), stateDirectory: stateURL, clock: clock)
/// let response = await scim.handle(HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/Users",
///     headerFields: [.authorization: "Bearer \(scim.options.token)"]), body: Data())
/// ```
public actor SCIMEmulator: EmulatorHandler {
    /// The options in force (those given, with the seed's options applied on top).
    public nonisolated let options: SCIMEmulatorOptions
    /// Request, fault and write counters.
    public private(set) var stats = EmulatorStats()

    var store: SCIMStore
    /// What filtered listings matched, so paging through one costs O(page) per page rather than O(n).
    var listings = ListingCache()
    let normalizer: ResourceNormalizer
    private var stateFolder: SCIMStateFolder?
    private var isClosed = false
    private var faults: FaultInjector
    private var limiter: SlidingWindowLimiter?
    private let clock: EmulatorClock
    let now: @Sendable () -> Date

    /// Creates an emulator.
    ///
    /// - Parameters:
    ///   - options: Dialect, token, page size, rate limit; the seed's `options` override `token`/`maxPageSize`.
    ///   - seed: The initial users and groups. With a state folder it is used only on first use.
    ///   - stateDirectory: If given, the state is loaded from and persisted to this folder (created if missing).
    ///   - faults: Fault rules in force from the start; more can be added with `inject(_:)`.
    ///   - clock: The clock for injected latency and the rate limit; pass a test clock to run instantly.
    ///   - now: The wall time written to `meta.created` / `meta.lastModified`.
    /// - Throws: `SCIMEmulatorError` for a bad seed or an unreadable state folder.
    public init(
        options: SCIMEmulatorOptions = SCIMEmulatorOptions(), seed: SCIMSeed = .empty, stateDirectory: URL? = nil,
        faults: [FaultRule] = [], clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SCIMEmulatorError) {
        let options = seed.applying(to: options)
        let normalizer = ResourceNormalizer(
            unknownAttributes: options.unknownAttributes,
            extensionSchemas: [.enterpriseUser] + options.extensionSchemas)
        let timestamp = ResourceMeta.timestamp(now())
        let build = { () throws(SCIMEmulatorError) -> SCIMStore in
            try SCIMStore.seeded(seed, normalizer: normalizer, hooks: options.hooks, timestamp: timestamp)
        }
        if let stateDirectory {
            let (folder, store) = try SCIMStateFolder.open(stateDirectory, initial: build)
            self.stateFolder = folder
            self.store = store
        } else {
            self.store = try build()
        }
        self.options = options
        self.normalizer = normalizer
        self.faults = FaultInjector(rules: faults, seed: options.randomSeed)
        self.limiter = options.requestsPerSecond.map { SlidingWindowLimiter(limit: $0) }
        self.clock = EmulatorClock(clock)
        self.now = now
    }

    /// Adds a fault rule after those already in force.
    public func inject(_ fault: FaultRule) {
        faults.add(fault)
    }

    /// Removes every fault rule.
    public func clearFaults() {
        faults.removeAll()
    }

    /// The fault rules still in force (`next(n)` rules disappear once used up).
    public var activeFaults: [FaultRule] { faults.rules }

    /// Writes a fresh snapshot and empties the journal (no-op without a state folder).
    ///
    /// - Throws: `SCIMEmulatorError.Kind.io` if the snapshot cannot be written.
    public func compact() throws(SCIMEmulatorError) {
        try stateFolder?.compact(store)
    }

    /// Compacts and closes the state folder; later requests are answered 503.
    ///
    /// - Throws: `SCIMEmulatorError.Kind.io` if the snapshot cannot be written.
    public func close() throws(SCIMEmulatorError) {
        guard !isClosed else { return }
        isClosed = true
        try stateFolder?.close(store)
        stateFolder = nil
    }

    /// Answers one SCIM request; see `EmulatorHandler`.
    public func handle(_ request: HTTPRequest, body: Data) async -> EmulatorResponse {
        stats.requestsByMethod[request.method.rawValue, default: 0] += 1
        let path = String((request.path ?? "/").prefix { $0 != "?" })
        let decision = faults.decide(method: request.method, path: path)
        if decision.latency > .zero { try? await clock.sleep(decision.latency) }
        if let refusal = gatekeep(request, decision: decision) { return refusal }
        let scimRequest = SCIMRequest(request, body: body, fallbackBase: options.baseURL)
        var response: EmulatorResponse
        do {
            try options.hooks.willRoute?(scimRequest)
            response = try route(scimRequest)
        } catch let error as SCIMError {
            response = .scimError(error)
        } catch {
            response = .scimError(SCIMError(status: 500, scimType: nil, detail: "\(error)"))
        }
        if decision.dropResponse {
            response.dropConnection = true
            stats.droppedResponses += 1
        }
        return response
    }

    /// The rate limit, injected status faults, the closed state and authentication, in that order: what a
    /// gateway in front of the service would answer before the service sees the request.
    private func gatekeep(_ request: HTTPRequest, decision: FaultDecision) -> EmulatorResponse? {
        if var limiter {
            let wait = limiter.admit(at: clock.elapsed())
            self.limiter = limiter
            if let wait {
                stats.tooManyRequestsSent += 1
                let seconds = SlidingWindowLimiter.retryAfterSeconds(wait)
                var error = SCIMError(status: 429, scimType: nil, detail: "too many requests; retry after \(seconds) s")
                error.headers[.retryAfter] = String(seconds)
                return .scimError(error)
            }
        }
        if let (code, retryAfter) = decision.status {
            stats.injectedFaults += 1
            if code == 429 { stats.tooManyRequestsSent += 1 }
            var error = SCIMError(status: code, scimType: nil, detail: "injected fault: HTTP \(code)")
            if let retryAfter { error.headers[.retryAfter] = String(retryAfter) }
            return .scimError(error)
        }
        if isClosed { return .scimError(SCIMError(status: 503, scimType: nil, detail: "the emulator is closed")) }
        return authenticate(request)
    }

    private func authenticate(_ request: HTTPRequest) -> EmulatorResponse? {
        let header = request.headerFields[.authorization] ?? ""
        let bearer = "Bearer "
        let presented: String? =
            if header.hasPrefixIgnoringASCIICase(bearer) {
                String(header.dropFirst(bearer.count)).trimmingCharacters(in: .whitespaces)
            } else if options.acceptsTokenWithoutScheme, !header.isEmpty {
                header
            } else {
                nil
            }
        guard presented != options.token else { return nil }
        if let presented, options.readOnlyTokens.contains(presented) {
            let path = request.path ?? ""
            let isRead = request.method == .get || (request.method == .post && path.contains("/.search"))
            if isRead { return nil }
            return .scimError(SCIMError(status: 403, scimType: nil, detail: "this token may only read"))
        }
        var error = SCIMError(
            status: 401, scimType: nil,
            detail: presented == nil ? "an Authorization: Bearer token is required" : "the Bearer token is not valid")
        error.headers[.wwwAuthenticate] =
            presented == nil ? "Bearer realm=\"scim\"" : "Bearer realm=\"scim\", error=\"invalid_token\""
        return .scimError(error)
    }

    /// Journals `mutations` (fsync) and then applies them; nothing is applied if the journal cannot be written.
    func commit(_ mutations: [StoreMutation]) throws(SCIMError) {
        guard !mutations.isEmpty else { return }
        if let stateFolder {
            do {
                try stateFolder.append(mutations, counter: store.counter)
            } catch {
                throw SCIMError(status: 500, scimType: nil, detail: "the change could not be persisted: \(error)")
            }
        }
        for mutation in mutations { store.apply(mutation) }
        stats.writesApplied += 1
        if let stateFolder,
            stateFolder.journalEntries > max(options.journalCompactionThreshold, store.users.count + store.groups.count)
        {
            try? stateFolder.compact(store)  // if it fails, the journal still holds every change
        }
    }

    /// The current wall time as a `meta` timestamp.
    func timestamp() -> String {
        ResourceMeta.timestamp(now())
    }
}
