/// One line of a plan's body, before it is laid out for a terminal (`HumanPlanRenderer`) or a diff block
/// (`MarkdownPlanRenderer`).
struct PlanLine: Sendable, Hashable {
    /// What the line shows, which decides its marker and colour.
    enum Tone: Sendable, Hashable {
        case addition
        case change
        case removal
        case manual
        case comment
    }

    /// What the line shows.
    var tone: Tone
    /// 0 for a step, 1 for its attributes and comments.
    var depth: Int
    /// The text after the marker.
    var text: String

    /// `+`, `~`, `-`, `!`, or `nil` for comments.
    var marker: String? {
        switch tone {
        case .addition: "+"
        case .change: "~"
        case .removal: "-"
        case .manual: "!"
        case .comment: nil
        }
    }

    /// The terminal colour of the marker.
    var role: PlanTextStyle.Role? {
        switch tone {
        case .addition: .addition
        case .change: .change
        case .removal: .removal
        case .manual: .manual
        case .comment: nil
        }
    }

    /// The tone of a step with the given action.
    static func tone(of action: PlanActionKind) -> Tone {
        switch action {
        case .addition: .addition
        case .change: .change
        case .removal: .removal
        case .manual: .manual
        }
    }
}

/// The lines of one step, or of one collapsed group of identical steps.
struct PlanChunk: Sendable, Hashable {
    /// The lines, the first one being the step's title.
    var lines: [PlanLine]
    /// How many plan steps these lines stand for.
    var stepCount: Int
}
