/// Why a SCIM emulator could not start or persist: a bad seed, a damaged state folder, or a file-system failure.
public struct SCIMEmulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The seed file is not a valid seed; `problems` lists every problem found.
        case invalidSeed
        /// The state folder's snapshot or journal cannot be read back.
        case invalidState
        /// Reading or writing a file failed.
        case io
    }

    /// The kind of failure.
    public let kind: Kind
    /// The file concerned (seed file, snapshot, journal or state folder).
    public let file: String
    /// What is wrong, one entry per problem, each naming where (`users[3].userName`).
    public let problems: [String]

    /// Creates an error.
    public init(_ kind: Kind, file: String, problems: [String]) {
        self.kind = kind
        self.file = file
        self.problems = problems
    }

    /// One line per problem, prefixed with the file and followed by a hint on how to fix it.
    public var description: String {
        let hint =
            switch kind {
            case .invalidSeed: "fix the seed file (format: {\"users\": [...], \"groups\": [...], \"options\": {...}})"
            case .invalidState: "delete the state folder to start again from the seed"
            case .io: "check that the folder exists and is writable"
            }
        return problems.map { "\(file): \($0)" }.joined(separator: "\n") + "\n(\(hint))"
    }
}
