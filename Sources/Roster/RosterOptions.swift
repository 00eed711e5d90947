public import Foundation
public import RosterEmulators
public import RosterProviders

/// Everything a roster run needs besides the manifests themselves.
public struct RosterOptions: Sendable {
    /// A manifest file or directory.
    public var manifestPath: String
    /// Where the embedded emulators, the journal and the lock live; default `.roster` beside the manifests.
    public var stateDirectory: String?
    /// Only these providers (empty: all).
    public var providers: [String]
    /// Environment for `{env: NAME}` credentials.
    public var environment: [String: String]
    /// Per-request timeout for real endpoints, in seconds.
    public var timeoutSeconds: Int64
    /// Faults the embedded emulators inject, by provider name (for tests and demonstrations of retries).
    public var emulatorFaults: [String: [FaultRule]] = [:]
    /// Only this person (`--only`): plan and apply just their steps, everyone else frozen as they are.
    public var only: String?
    /// Told how far each provider's read of live state got (pages of a SCIM listing, whole Five9 listings), for
    /// progress output; called from the reading tasks.
    public var readObserver: (@Sendable (ReadProgress) -> Void)?

    /// Creates options.
    public init(
        manifestPath: String, stateDirectory: String? = nil, providers: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment, timeoutSeconds: Int64 = 60
    ) {
        self.manifestPath = manifestPath
        self.stateDirectory = stateDirectory
        self.providers = providers
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
    }

    /// The state directory in effect.
    public var resolvedStateDirectory: String {
        if let stateDirectory { return stateDirectory }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: manifestPath, isDirectory: &isDirectory)
        let base = exists && isDirectory.boolValue ? manifestPath : (manifestPath as NSString).deletingLastPathComponent
        return ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(".roster")
    }

    /// The directory relative paths in the manifests are resolved against.
    var manifestDirectory: String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: manifestPath, isDirectory: &isDirectory)
        let base = exists && isDirectory.boolValue ? manifestPath : (manifestPath as NSString).deletingLastPathComponent
        return base.isEmpty ? "." : base
    }
}
