import Foundation
import RosterModel
import RosterProviders

/// Resolves credential references from the environment or files.
///
/// The values never leave `Credential`.
struct SecretResolver: Sendable {
    let environment: [String: String]
    /// Directory `file:` references are relative to (the manifest's).
    let baseDirectory: String

    /// Every credential of a provider, or an error naming each one that is missing (names only, never values).
    func resolve(_ provider: ProviderConfig) throws -> [String: Credential] {
        var resolved: [String: Credential] = [:]
        var problems: [String] = []
        for (name, reference) in provider.credentials.sorted(by: { $0.key < $1.key }) {
            switch reference {
            case .env(let variable):
                if let value = environment[variable], !value.isEmpty {
                    resolved[name] = Credential(value)
                } else {
                    problems.append("credentials.\(name): environment variable \(variable) is not set")
                }
            case .file(let path):
                let full = path.hasPrefix("/") ? path : baseDirectory + "/" + path
                if let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8)
                {
                    resolved[name] = Credential(text.trimmingCharacters(in: .whitespacesAndNewlines))
                } else {
                    problems.append("credentials.\(name): cannot read file \(path)")
                }
            }
        }
        guard problems.isEmpty else {
            let location = provider.origin.map { " (\($0))" } ?? ""
            throw RosterError(
                .credentials,
                "provider \(provider.name)\(location) is missing credentials; nothing was sent:\n"
                    + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return resolved
    }
}
