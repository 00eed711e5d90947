/// Why a plan file could not be read.
///
/// Its description says what is wrong, where, and what to do.
public struct PlanDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The file's `format_version` is not the one this roster reads.
        case unsupportedFormat(found: Int, reads: Int)
        /// The file is not JSON, or not a plan document; `path` names the bad field (empty for the whole file).
        case malformed(path: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The reader's own explanation, such as "missing key 'reason'".
    public var detail: String

    /// Creates an error.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// One sentence for the terminal, such as "plan file format 2 is newer than this roster (reads 1)".
    public var description: String {
        switch kind {
        case .unsupportedFormat(let found, let reads) where found > reads:
            "plan file format \(found) is newer than this roster (reads \(reads)); upgrade roster to use it"
        case .unsupportedFormat(let found, let reads):
            "plan file format \(found) is older than this roster (reads \(reads)); re-run `roster plan`"
        case .malformed(let path) where path.isEmpty:
            "plan file is not valid: \(detail)"
        case .malformed(let path):
            "plan file is not valid at \(path): \(detail)"
        }
    }

    static func unsupported(_ found: Int, reads: Int) -> PlanDocumentError {
        PlanDocumentError(kind: .unsupportedFormat(found: found, reads: reads), detail: "")
    }

    static func malformed(_ error: any Error) -> PlanDocumentError {
        guard let error = error as? DecodingError else {
            return PlanDocumentError(kind: .malformed(path: ""), detail: String(describing: error))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return PlanDocumentError(
                kind: .malformed(path: path(context.codingPath)), detail: "missing key '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let detail = context.codingPath.isEmpty ? "not JSON (\(underlying(context)))" : context.debugDescription
            return PlanDocumentError(kind: .malformed(path: path(context.codingPath)), detail: detail)
        @unknown default:
            return PlanDocumentError(kind: .malformed(path: ""), detail: String(describing: error))
        }
    }

    /// `steps[3].changes[0].name`.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func underlying(_ context: DecodingError.Context) -> String {
        context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
    }
}
