import Testing

@testable import RosterEmulators

@Suite("Five9 name patterns")
struct Five9NamePatternTests {
    @Test(arguments: [
        ("jdoe@example\\.com", "jdoe@example.com", false),
        ("\\Qa.b*c\\E", "a.b*c", false),
        ("plain name", "plain name", false),
        ("A.*", "A", true),
        ("\\Qx.*\\E", "x.*", false),
        ("a\\.\\*", "a.*", false),
    ])
    func literalPatternsNeedNoRegularExpression(pattern: String, text: String, prefix: Bool) {
        let literal = Five9NamePattern.literal(pattern)
        #expect(literal?.text == text)
        #expect(literal?.wildcardTail == prefix)
    }

    @Test(arguments: ["a|b", "[ab]", "a+", "\\d", "^a", "a$", "(a)", "a.b", "a?"])
    func regularExpressionsAreNotLiterals(pattern: String) {
        #expect(Five9NamePattern.literal(pattern) == nil)
    }

    @Test(arguments: [
        ("a|ab", "ab", Five9NamePattern.Mode.full, true),
        ("a|ab", "abc", .full, false),
        ("b", "abc", .full, false),
        ("b", "abc", .find, true),
        ("\\Qa.b", "a.b", .full, true),
        ("\\Qa.b", "axb", .full, false),
        ("[Tt]est.*", "Tester", .full, true),
        ("", "anything", .full, true),
        (".*", "", .full, true),
    ])
    func matching(pattern: String, name: String, mode: Five9NamePattern.Mode, matches: Bool) throws {
        #expect(try Five9NamePattern.compile(pattern, mode: mode).matches(name) == matches)
    }

    @Test(arguments: ["a(", "[", "a{2", "\\"])
    func malformedPatternsAreFaults(pattern: String) {
        #expect(throws: Five9Fault.invalidRegexpPattern(pattern)) {
            try Five9NamePattern.compile(pattern, mode: .full)
        }
    }
}
