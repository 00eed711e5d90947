import Foundation
import RosterModel
import RosterYAML

extension ManifestDecoder {
    /// Person attributes that are plain strings, in the order the spec lists them.
    static let personStrings = ["displayName", "email", "title", "department", "locale", "timezone", "phone"]

    /// `people:` — a list of persons.
    mutating func decodePeople(_ node: YAMLNode) {
        guard let items = diagnostics.list(node, "'people'") else { return }
        for item in items {
            if let person = decodePerson(item) { document.add(person, diagnostics) }
        }
    }

    /// One person; `nil` (after diagnostics) when it has no usable userName.
    private mutating func decodePerson(_ node: YAMLNode) -> PersonDecl? {
        guard let fields = diagnostics.fields(node, "a person", allowed: ManifestKeys.person, in: "person") else {
            return nil
        }
        diagnostics.require(["userName", "givenName", "familyName"], in: fields, of: node, "person")
        let userName = fields["userName"].flatMap { userNameValue($0.value) }
        var person = PersonDecl(
            userName: userName ?? "", location: node.location,
            givenName: fields["givenName"].flatMap { diagnostics.nonEmptyString($0.value, "'givenName'") },
            familyName: fields["familyName"].flatMap { diagnostics.nonEmptyString($0.value, "'familyName'") },
            attributes: [:], manager: nil, active: nil, profiles: [], profilesLocation: nil, accounts: [])
        for key in Self.personStrings {
            guard let pair = fields[key], let text = diagnostics.string(pair.value, "'\(key)'") else { continue }
            if isValid(key, text, at: pair.value.location) { person.attributes[key] = text }
        }
        if let pair = fields["manager"], let manager = diagnostics.nonEmptyString(pair.value, "'manager'") {
            person.manager = Located(value: manager, location: pair.value.location)
        }
        if let pair = fields["active"] { person.active = diagnostics.bool(pair.value, "'active'") }
        if let pair = fields["profiles"] {
            person.profilesLocation = pair.key.location
            person.profiles = uniqueProfiles(pair.value)
        }
        if let pair = fields["accounts"] {
            person.accounts = namedEntries(pair.value, "'accounts'").map {
                AccountDecl(provider: $0.name, location: $0.key.location, node: $0.value)
            }
        }
        guard userName != nil else {
            if let text = fields["userName"]?.value.stringValue { document.unusablePeople.insert(text.lowercased()) }
            return nil
        }
        return person
    }

    /// A userName: a non-empty string without spaces.
    func userNameValue(_ node: YAMLNode) -> String? {
        guard let text = diagnostics.nonEmptyString(node, "'userName'") else { return nil }
        let hasSpace =
            text.utf8.contains { $0 <= 0x20 }
            || (!text.utf8.allSatisfy { $0 < 0x80 } && text.contains(where: \.isWhitespace))
        guard !hasSpace else {
            diagnostics.error(.invalidValue, "userName '\(text)' must not contain spaces", at: node.location)
            return nil
        }
        return text
    }

    /// The profile names a person lists; the same profile twice is an error.
    private func uniqueProfiles(_ node: YAMLNode) -> [Located<String>] {
        var seen: [String: SourceLocation] = [:]
        var profiles: [Located<String>] = []
        for name in diagnostics.stringList(node, "'profiles'") ?? [] {
            if let first = seen[name.value] {
                diagnostics.error(
                    .duplicate, "profile '\(name.value)' is listed twice", at: name.location, related: [first])
                continue
            }
            seen[name.value] = name.location
            profiles.append(name)
        }
        return profiles
    }

    /// Shape checks for e-mail, locale and time zone.
    private mutating func isValid(_ key: String, _ text: String, at location: SourceLocation) -> Bool {
        switch key {
        case "email" where !ValueRules.isEmailAddress(text):
            diagnostics.error(.invalidValue, "'\(text)' is not an e-mail address", at: location)
        case "locale" where !ValueRules.isLocale(text):
            diagnostics.error(
                .invalidValue, "invalid locale '\(text)'", at: location, hint: "use a language tag such as en-US")
        case "timezone" where !isTimeZone(text):
            diagnostics.error(
                .invalidValue, "unknown time zone '\(text)'", at: location,
                hint: diagnostics.suggestion(for: text, among: TimeZone.knownTimeZoneIdentifiers)
                    ?? "use an IANA name such as America/New_York")
        default:
            return true
        }
        return false
    }

    /// Whether Foundation knows the time zone (cached: a manifest repeats a handful of zones).
    private mutating func isTimeZone(_ name: String) -> Bool {
        if let known = timeZones[name] { return known }
        let known = TimeZone(identifier: name) != nil
        timeZones[name] = known
        return known
    }
}
