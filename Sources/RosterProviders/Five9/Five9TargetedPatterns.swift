/// The name patterns a targeted Five9 read sends, kind by kind, never in more calls than a full read makes.
///
/// Five9 meters calls, not answers (Query: 450 a minute, five9.md §2.1), and a full read is three calls
/// (`getUsersInfo`, `getSkills`, `getAgentGroups`, each with `.*`), the first of them heavy enough to time out on big
/// domains (§2.3). A `*NamePattern` is a regular expression matched against whole names (§6), so one call can ask
/// for many names at once: `(?i)(?:ana@x\.com|ben@x\.com)`. Names are grouped up to `namesPerPattern` a pattern
/// (the docs give no limit; this keeps a request a few kilobytes); while the patterns would take more calls than a
/// full read, the kind with the most calls is read whole with `.*` instead (one call).
package struct Five9TargetedPatterns: Sendable, Hashable {
    /// Calls a full read makes.
    package static let fullReadCalls = 3
    /// Names in one pattern at most.
    package static let namesPerPattern = 100

    /// Patterns for `getUsersInfo` (case-insensitive, as roster's user keys are); empty for no call.
    package var users: [String]
    /// Patterns for `getAgentGroups`; empty for no call.
    package var groups: [String]
    /// Patterns for `getSkills`; empty for no call.
    package var skills: [String]

    /// The patterns that read the objects `keys` names.
    package init(_ keys: ObjectKeys, namesPerPattern: Int = Self.namesPerPattern) {
        users = Self.patterns(keys.users, namesPerPattern, caseInsensitive: true)
        groups = Self.patterns(keys.groups, namesPerPattern, caseInsensitive: false)
        skills = Self.patterns(keys.skills, namesPerPattern, caseInsensitive: false)
        while calls > Self.fullReadCalls {
            let most = max(users.count, groups.count, skills.count)
            if users.count == most {
                users = [".*"]
            } else if groups.count == most {
                groups = [".*"]
            } else {
                skills = [".*"]
            }
        }
    }

    /// Calls these patterns take.
    package var calls: Int { users.count + groups.count + skills.count }

    /// One anchored alternation of escaped names per `size` names.
    static func patterns(_ names: Set<String>, _ size: Int, caseInsensitive: Bool) -> [String] {
        let sorted = names.sorted()
        return stride(from: 0, to: sorted.count, by: max(1, size)).map { start in
            let chunk = sorted[start..<min(sorted.count, start + max(1, size))]
            let alternatives = chunk.map(Five9SOAPClient.exactPattern)
            let body = alternatives.count == 1 ? alternatives[0] : "(?:" + alternatives.joined(separator: "|") + ")"
            return (caseInsensitive ? "(?i)" : "") + body
        }
    }
}
