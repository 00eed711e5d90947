import RosterModel

/// The four families of action a plan reader cares about, each with its marker (Terraform's `+ ~ -`, plus `!`).
enum PlanActionKind: Sendable, Hashable, CaseIterable {
    /// create, reactivate, add: `+`.
    case addition
    /// update, modify: `~`.
    case change
    /// deactivate, delete, remove: `-`.
    case removal
    /// manual: `!`.
    case manual

    /// The family of an action.
    init(_ action: Action) {
        switch action {
        case .create, .reactivate, .add: self = .addition
        case .update, .modify: self = .change
        case .deactivate, .delete, .remove: self = .removal
        case .manual: self = .manual
        }
    }

    /// `+`, `~`, `-` or `!`.
    var marker: String {
        switch self {
        case .addition: "+"
        case .change: "~"
        case .removal: "-"
        case .manual: "!"
        }
    }

    /// The terminal colour of the marker.
    var role: PlanTextStyle.Role {
        switch self {
        case .addition: .addition
        case .change: .change
        case .removal: .removal
        case .manual: .manual
        }
    }
}
