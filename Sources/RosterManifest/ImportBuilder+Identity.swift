import Foundation
import RosterModel

extension ImportContext {
    /// Identity attributes a person has once, in the order the manifest lists them.
    static let optionalIdentity = [
        Attribute.email, Attribute.title, Attribute.department, Attribute.locale, Attribute.timezone, Attribute.phone,
    ]

    /// How the providers that hold an attribute agree on one person's value.
    enum Agreement: Equatable {
        /// Every provider holding it has this value.
        case agreed(String)
        /// No provider holding it has a value (or none holds it).
        case unset
        /// They differ; the values by provider (nil where unset).
        case disagreed([String: String?])
    }

    /// Identity, manager, accounts and adoption for every matched person.
    mutating func buildPeople() {
        for (index, accounts) in people.enumerated() {
            var person = manifest.people[index]
            person.identity = identity(of: accounts, person: person.userName)
            person.manager = manager(of: accounts, person: person.userName)
            for account in accounts { person.accounts[account.provider] = importedAccount(account, of: person) }
            let reasons = accounts.compactMap { adoption[$0] }
            person.adoption = reasons.isEmpty ? nil : reasons.min { $0.rawValue < $1.rawValue }
            manifest.people[index] = person
        }
    }

    /// What the providers holding `attribute` say about one person.
    func agreement(on attribute: String, accounts: [AccountID]) -> Agreement {
        var values: [String: String?] = [:]
        for account in accounts where caps(account.provider).attributes.contains(attribute) {
            values[account.provider] = users[account]?.value.attributes[attribute]?.text
        }
        let present = Set(values.values.compactMap { $0.map { Self.comparable($0, attribute) } })
        if present.isEmpty { return .unset }
        if present.count == 1, !values.values.contains(where: { $0 == nil }) {
            return .agreed(values.sorted { $0.key < $1.key }.compactMap(\.value).first ?? "")
        }
        return .disagreed(values)
    }

    /// The value as the planner compares it (e-mail addresses and managers case-insensitively).
    static func comparable(_ value: String, _ attribute: String) -> String {
        attribute == Attribute.email || attribute == Attribute.manager ? value.lowercased() : value
    }

    /// The most common value among providers that have one; ties go to the first provider by name.
    static func mostCommon(_ values: [String: String?]) -> String? {
        var count: [String: Int] = [:]
        for case .some(let value) in values.values { count[value, default: 0] += 1 }
        let ordered = values.sorted { $0.key < $1.key }.compactMap(\.value)
        return ordered.max { a, b in
            (count[a] ?? 0, ordered.firstIndex(of: b) ?? 0) < (count[b] ?? 0, ordered.firstIndex(of: a) ?? 0)
        }
    }

    /// Names, display name and the optional attributes that every provider holding them agrees on.
    mutating func identity(of accounts: [AccountID], person: String) -> [String: String] {
        var identity: [String: String] = [:]
        let display = agreement(on: Attribute.displayName, accounts: accounts)
        for attribute in [Attribute.givenName, Attribute.familyName] {
            identity[attribute] = requiredName(attribute, accounts: accounts, person: person, display: display)
        }
        let fallback = "\(identity[Attribute.givenName] ?? "") \(identity[Attribute.familyName] ?? "")"
        switch display {
        case .agreed(let value) where value != fallback:
            identity[Attribute.displayName] = value
        case .agreed:
            break
        case .unset:
            let holders = accounts.filter { caps($0.provider).attributes.contains(Attribute.displayName) }
            if !holders.isEmpty {
                note(
                    "name-missing",
                    "\(person) has no displayName on \(holders.map(\.provider).joined(separator: ", ")); the manifest defaults it to '\(fallback)' and the first plan will set it there"
                )
            }
        case .disagreed(let values):
            let chosen = Self.mostCommon(values) ?? fallback
            if chosen != fallback { identity[Attribute.displayName] = chosen }
            noteConflict(person, Attribute.displayName, values, chosen: chosen)
        }
        for attribute in Self.optionalIdentity {
            switch agreement(on: attribute, accounts: accounts) {
            case .agreed(let value):
                if isValid(value, attribute, person: person) { identity[attribute] = value }
            case .unset:
                break
            case .disagreed(let values):
                noteConflict(person, attribute, values, chosen: nil)
            }
        }
        return identity
    }

    /// givenName or familyName, which every person needs: the agreed value, else the most common one (the first
    /// plan then sets it where it differs), else one made from the display name or the userName.
    mutating func requiredName(
        _ attribute: String, accounts: [AccountID], person: String, display: Agreement
    ) -> String {
        switch agreement(on: attribute, accounts: accounts) {
        case .agreed(let value):
            return value
        case .disagreed(let values):
            let chosen = Self.mostCommon(values) ?? Self.derivedName(attribute, person: person, display: display)
            noteConflict(person, attribute, values, chosen: chosen)
            return chosen
        case .unset:
            let derived = Self.derivedName(attribute, person: person, display: display)
            let holders = accounts.filter { caps($0.provider).attributes.contains(attribute) }.map(\.provider)
            if !holders.isEmpty {
                note(
                    "name-missing",
                    "\(person) has no \(attribute) on \(holders.joined(separator: ", ")); the manifest needs one, so it says '\(derived)' and the first plan will set it there",
                    hint: "correct it in the imported files if it is wrong")
            }
            return derived
        }
    }

    /// A given or family name made from the display name ("Ana Lima") or the userName ("ana.lima@…").
    static func derivedName(_ attribute: String, person: String, display: Agreement) -> String {
        var words: [String] = []
        if case .agreed(let name) = display { words = name.split(separator: " ").map(String.init) }
        if words.count < 2 {
            let local = person.split(separator: "@").first.map(String.init) ?? person
            words = local.split { $0 == "." || $0 == "_" || $0 == "-" }.map {
                $0.prefix(1).uppercased() + $0.dropFirst()
            }
        }
        if words.isEmpty { words = [person] }
        if attribute == Attribute.givenName { return words[0] }
        return words.count > 1 ? words.dropFirst().joined(separator: " ") : words[0]
    }

    /// Whether a value passes the manifest's checks; a value that would not is left out with a note.
    mutating func isValid(_ value: String, _ attribute: String, person: String) -> Bool {
        let valid: Bool
        switch attribute {
        case Attribute.email: valid = ValueRules.isEmailAddress(value)
        case Attribute.locale: valid = ValueRules.isLocale(value)
        case Attribute.timezone: valid = TimeZone(identifier: value) != nil
        default: valid = true
        }
        if !valid {
            note(
                "invalid-value",
                "\(person): \(attribute) '\(value)' would not pass validation; left out of the manifest (roster leaves it alone)"
            )
        }
        return valid
    }

    /// A note saying providers disagree on one person's attribute, and what the manifest does about it.
    mutating func noteConflict(_ person: String, _ attribute: String, _ values: [String: String?], chosen: String?) {
        let listed = values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.map { "'\($0)'" } ?? "unset")" }
        let outcome =
            chosen.map { "the manifest says '\($0)' and the first plan will update the others" }
            ?? "left out of the manifest, so roster leaves it alone until you set it"
        note(
            "conflict",
            "\(person): \(attribute) differs between providers (\(listed.joined(separator: ", "))); \(outcome)")
    }

    /// The manager's manifest userName when every provider holding managers names the same imported person.
    mutating func manager(of accounts: [AccountID], person: String) -> String? {
        var resolved: [String: String?] = [:]
        for account in accounts where caps(account.provider).attributes.contains(Attribute.manager) {
            guard let key = users[account]?.value.attributes[Attribute.manager]?.text?.lowercased() else {
                resolved[account.provider] = .some(nil)
                continue
            }
            let manager = personOf[AccountID(provider: account.provider, key: key)].map { manifest.people[$0].userName }
            resolved[account.provider] = manager ?? "?\(key)"
        }
        let named = Set(resolved.values.compactMap { $0 })
        guard let only = named.first else { return nil }
        if named.count == 1, !only.hasPrefix("?"), only.lowercased() != person.lowercased(),
            !resolved.values.contains(where: { $0 == nil })
        {
            return only
        }
        note(
            "manager",
            "\(person): the manager is not the same imported person on every provider; left out of the manifest, so roster leaves it alone"
        )
        return nil
    }
}
