import RosterModel

/// Gathers every diagnostic of one load, so all problems are reported together (STYLE R6).
final class DiagnosticCollector {
    /// The diagnostics in the order they were found.
    private(set) var diagnostics: [Diagnostic] = []
    /// Edit-distance comparisons left for did-you-mean hints; keeps a manifest full of typos linear.
    private var suggestionBudget = 50_000_000

    /// Whether any error has been recorded.
    private(set) var hasErrors = false

    /// Records an error.
    func error(
        _ code: ManifestDiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil,
        related: [SourceLocation] = []
    ) {
        hasErrors = true
        diagnostics.append(.error(code.rawValue, message, at: location, hint: hint, related: related))
    }

    /// Records a warning.
    func warning(_ code: ManifestDiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(.warning(code.rawValue, message, at: location, hint: hint))
    }

    /// "did you mean 'x'?" for the closest candidate, if one is close enough and the budget allows.
    func suggestion(for word: String, among candidates: [String]) -> String? {
        guard suggestionBudget > 0 else { return nil }
        suggestionBudget -= candidates.count
        return Suggestion.closest(to: word, in: candidates.sorted()).map { "did you mean '\($0)'?" }
    }

    /// The diagnostics sorted by location (those without a location first), then by message, so the order never
    /// depends on dictionary iteration; equal ones keep the order they were found in.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.location != right.location {
                guard let leftLocation = left.location else { return true }
                guard let rightLocation = right.location else { return false }
                return leftLocation < rightLocation
            }
            return left.message != right.message ? left.message < right.message : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
