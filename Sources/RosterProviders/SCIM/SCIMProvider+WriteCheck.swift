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
        }
        // Recorded, with the manager's id read as a userName like every other read.
        guard let live = try await liveUser(from: stored)?.value else { return }
        let managed = dialect.mapping.managedAttributes
        let lost = changes.filter { change in
            guard managed.contains(change.name) else { return false }
            return !Self.same(live.attributes[change.name], change.after, attribute: change.name)
        }
        guard !lost.isEmpty else { return }
        let names = lost.map(\.name).sorted().joined(separator: ", ")
        throw ProviderError(
            .permanent, provider: name,
            "\(name) accepted the write for '\(user.userName)' but did not store \(names); the service ignores values it does not support"
        )
    }

    /// Whether a stored value is the written one; userNames of managers compare case-insensitively, as the vendors
    /// match userNames.
    static func same(_ stored: AttributeValue?, _ written: AttributeValue?, attribute: String) -> Bool {
        if attribute == Attribute.manager, case .string(let a)? = stored, case .string(let b)? = written {
            return a.lowercased() == b.lowercased()
        }
        return stored?.normalized == written?.normalized
    }
}
