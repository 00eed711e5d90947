/// roster's own version, written into plan files and printed by `roster --version`.
public enum RosterVersion {
    /// The semantic version.
    public static let current = "0.1.0"
}
