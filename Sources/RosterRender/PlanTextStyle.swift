/// ANSI styling for terminal output; with `color` off it returns text unchanged, so no escape code ever leaks.
struct PlanTextStyle: Sendable {
    /// What a piece of text is, which decides its colour.
    enum Role: Sendable {
        case addition
        case change
        case removal
        case manual
        case header
        case error
        case warning
        case emphasis
    }

    /// Whether to emit escape codes.
    var color: Bool

    /// `text` wrapped in the escape codes for `role`.
    func paint(_ text: String, _ role: Role) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[\(code(role))m" + text + "\u{1B}[0m"
    }

    private func code(_ role: Role) -> String {
        switch role {
        case .addition: "32"
        case .change: "33"
        case .removal: "31"
        case .manual: "35"
        case .header: "1"
        case .error: "1;31"
        case .warning: "1;33"
        case .emphasis: "1"
        }
    }
}
