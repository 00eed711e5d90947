import RosterYAML
import Testing

@Suite struct YAMLAliasTests {
    @Test func aliasExpandsToACopyAtTheAliasPosition() throws {
        let root = try #require(
            try parse(
                """
                base: &b { roles: [agent], site: Boston }
                copy: *b
                name: &n Ana
                again: *n

                """))
        let base = try #require(root["base"])
        let copy = try #require(root["copy"])
        #expect(copy.content == base.content)
        #expect(copy.position == "2:7")
        #expect(base.position == "1:7")
        #expect(try #require(copy["roles"]).position == "1:19")
        #expect(root["again"]?.content == .scalar("Ana", .plain))
        #expect(root["again"]?.position == "4:8")
    }

    @Test func aliasKeepsTheAnchoredTag() throws {
        let root = try #require(try parse("a: &x !!str 5\nb: *x\n"))
        #expect(root["b"]?.tag == "tag:yaml.org,2002:str")
    }

    @Test func laterAnchorWithTheSameNameWins() throws {
        let root = try #require(try parse("a: &x one\nb: &x two\nc: *x\n"))
        #expect(root["c"]?.scalarText == "two")
    }

    @Test func aliasAsKey() throws {
        let root = try #require(try parse("k: &key name\n*key : value\n"))
        #expect(root["name"]?.scalarText == "value")
    }

    @Test func undefinedAliasIsAnErrorAtTheAlias() throws {
        let error = try #require(parseError("a: 1\nb: [x, *missing]\n"))
        #expect(error.position == "2:8")
        #expect(error.message == "undefined alias '*missing'; define '&missing' on an earlier node")
    }

    @Test func aliasInsideItsOwnAnchorIsUndefined() throws {
        let error = try #require(parseError("a: &loop [1, *loop]\n"))
        #expect(error.message.hasPrefix("undefined alias '*loop'"))
        #expect(error.position == "1:14")
    }

    @Test func billionLaughsIsStopped() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(previous)]\n"
        }
        let error = try #require(parseError(text))
        #expect(
            error.message
                == "the document expands to more than 1000000 nodes; aliases (*name) probably repeat each other "
                + "exponentially, expand fewer of them")
        #expect(error.mark.line == 6)
    }

    @Test func nodeBudgetIsAMillionOrTwoPerInputByte() {
        #expect(YAMLLimits.standard(inputBytes: 0) == YAMLLimits(maxNodes: 1_000_000, maxDepth: 1000))
        #expect(YAMLLimits.standard(inputBytes: 50_000_000).maxNodes == 100_000_000)
        #expect(YAMLLimits.standard(inputBytes: .max).maxNodes == .max)
    }

    @Test func largerFilesGetALargerBudget() throws {
        let list = "a: &a [" + Array(repeating: "x", count: 1000).joined(separator: ", ") + "]\n"
        let aliases = "b: [" + Array(repeating: "*a", count: 1100).joined(separator: ", ") + "]\n"
        let small = list + aliases
        #expect(throws: YAMLError.self) { try YAMLParser.parse(small, file: "t.yaml") }
        let padded = "# " + String(repeating: "-", count: 600_000) + "\n" + small
        #expect(try YAMLParser.parse(padded, file: "t.yaml")?["b"]?.items?.count == 1100)
    }

    @Test func nodeBudgetCountsAliasCopiesExactly() throws {
        // root(1) + key a(1) + [1, 2, 3](4) + key b(1) = 7, and *s copies 4 more.
        let text = "a: &s [1, 2, 3]\nb: *s\n"
        let exact = YAMLLimits(maxNodes: 11, maxDepth: 10)
        #expect(try parse(text, limits: exact)?["b"]?.texts == ["1", "2", "3"])
        let error = try #require(parseError(text, limits: YAMLLimits(maxNodes: 10, maxDepth: 10)))
        #expect(error.position == "2:4")
    }

    @Test func mergeKeyBombIsStopped() throws {
        var text = "l0: &l0 {a: 1, b: 2, c: 3, d: 4}\n"
        for level in 1...40 {
            text += "l\(level): &l\(level) { <<: [*l\(level - 1), *l\(level - 1)], k\(level): v }\n"
        }
        #expect(parseError(text)?.message.hasPrefix("the document expands to more than") == true)
    }

    @Test func deepFlowNestingIsStopped() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(parseError(text))
        #expect(error.message == "sequences and mappings nest deeper than 1000 levels; flatten the structure")
        #expect(error.position == "1:1001")
    }

    @Test func deepBlockNestingIsStopped() throws {
        let text = (0..<1200).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        let error = try #require(parseError(text))
        #expect(error.message.hasPrefix("sequences and mappings nest deeper than 1000 levels"))
        #expect(error.position == "1001:1001")
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let limits = YAMLLimits(maxNodes: 1000, maxDepth: 3)
        #expect(try parse("[[[x]]]", limits: limits) != nil)
        #expect(parseError("[[[[x]]]]", limits: limits)?.position == "1:4")
    }

    @Test func aliasesCannotBuildDepthPastTheLimit() throws {
        let limits = YAMLLimits(maxNodes: 1000, maxDepth: 4)
        let text = "a: &a [x]\nb: &b [*a]\nc: &c [*b]\n"
        #expect(try parse(text, limits: limits) != nil)
        let error = try #require(parseError(text + "d: [*c]\n", limits: limits))
        #expect(error.position == "4:5")
    }

    @Test func linearAliasChainsStayWithinDefaults() throws {
        var text = "a0: &a0 x\n"
        for index in 1..<500 {
            text += "a\(index): &a\(index) [*a\(index - 1)]\n"
        }
        #expect(try parse(text)?["a499"] != nil)
    }
}
