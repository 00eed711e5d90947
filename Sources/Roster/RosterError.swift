public import RosterModel

/// Why a roster run stopped.
///
/// Each case says what, where and how to fix it.
public struct RosterError: Error, Sendable, CustomStringConvertible {
    /// What kind of stop, for exit codes and tests.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The manifests have errors (`diagnostics` lists them).
        case invalidManifest = "invalid-manifest"
        /// A credential could not be resolved (missing variable or file).
        case credentials
        /// A provider could not be read.
        case fetch
        /// The plan has errors (`diagnostics`).
        case invalidPlan = "invalid-plan"
        /// The plan exceeds a safety limit and no allowance was given.
        case unsafePlan = "unsafe-plan"
        /// A saved plan is tampered, foreign or stale.
        case planFile = "plan-file"
        /// Another apply holds the lock.
        case locked
        /// Bad command-line input or configuration.
        case usage
        /// The emulator could not start or read its state.
        case emulator
    }

    /// What kind of stop.
    public var kind: Kind
    /// One or more lines for the user.
    public var message: String
    /// Positioned problems, when there are any.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The message.
    public var description: String { message }
}
