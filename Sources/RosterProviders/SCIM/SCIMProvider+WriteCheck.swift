import Foundation
import RosterModel

extension SCIMProvider {
    /// Fails a create whose user came back inactive although it was meant to be active, with the dialect's reason
    /// (Talkdesk without a free licence); the user exists, so the next plan shows a reactivation.
    func checkCreated(_ user: User, answer: JSONValue) throws {
        guard user.active, let reason = dialect.inactiveOnCreateReason, answer["active"]?.bool == false else { return }
        throw ProviderError(.permanent, provider: name, "'\(user.userName)' was created but is inactive: \(reason)")
    }

    /// Where the dialect asks for it (a service that drops what it does not know without an error), checks the
    /// stored user — the write's answer, or a read when the answer was empty — and fails the step when a written
    /// value did not stick, naming the attributes.
    func verifyWrite(of user: User, changes: [AttributeChange], answer: JSONValue) async throws {
        guard dialect.verifiesWrites, let id = users[user.key]?.id else { return }
        var stored = answer
        if answer["id"] == nil {
            stored = try await client.get("/Users/\(SCIMClient.escape(id))")
            record(stored)
        }
        guard let live = dialect.mapping.user(from: stored)?.value else { return }
        let managed = dialect.mapping.managedAttributes
        let lost = changes.filter { change in
            guard managed.contains(change.name) else { return false }
            return live.attributes[change.name]?.normalized != change.after?.normalized
        }
        guard !lost.isEmpty else { return }
        let names = lost.map(\.name).sorted().joined(separator: ", ")
        throw ProviderError(
            .permanent, provider: name,
            "\(name) accepted the write for '\(user.userName)' but did not store \(names); the service ignores values it does not support"
        )
    }
}
