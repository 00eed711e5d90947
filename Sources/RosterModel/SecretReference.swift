/// Where a credential lives.
///
/// Manifests and plans carry only these references, never the secret itself.
public enum SecretReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An environment variable, by name.
    case env(String)
    /// A file whose content (trailing newline trimmed) is the secret.
    case file(String)

    /// `env:NAME` or `file:PATH`; safe to print.
    public var description: String {
        switch self {
        case .env(let name): "env:\(name)"
        case .file(let path): "file:\(path)"
        }
    }
}
