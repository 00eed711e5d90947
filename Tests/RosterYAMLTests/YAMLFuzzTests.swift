import RosterYAML
import Testing

/// Thousands of deterministic mutations of valid manifests, each of which must parse or throw a `YAMLError`.
///
/// Errors must carry a sane position; the test finishing is the proof that nothing crashes or hangs.
@Suite struct YAMLFuzzTests {
    static let seeds: [String] = [
        """
        # yaml-language-server: $schema=../schema.json
        version: 1
        providers:
          corp: { type: scim, endpoint: "emulator:", credentials: { token: { env: CORP_TOKEN } } }
        profiles:
          tier1: &tier1
            five9: { roles: [agent], skills: { Sales: 3, Billing: 1 } }
        people:
          - userName: ana@acme.example
            givenName: Ana
            familyName: 'O''Neil'
            <<: *tier1
            notes: |
              Speaks English and Spanish.
              Evening shift.
          - userName: "bo@acme.example"
            active: false
            accounts: { five9: {}, webex: { roles: [agent] } }
        groups:
          - name: Sales Team
            members: [ana@acme.example, bo@acme.example]

        """,
        """
        base: &base
          site: Boston
          tags: [a, b, c]
        others: &others { title: Agent, site: Denver }
        person:
          <<: [*base, *others]
          title: >
            Senior agent,
            folded text
          ? complex key
          : value
          list:
          - &item one
          - *item
          - !!str 3
          - "esc \\t \\u00e9 \\x41"
        """,
        "[a, {b: c, d: [e, f]}, 'g', \"h\", ~, 1.5, true]\n",
        """
        %YAML 1.1
        %TAG !e! tag:example.com,2024:
        ---
        !e!roster
        people: !!seq
          - !e!person { userName: zoë, title: 日本語 🎧 }
        ...

        """,
    ]

    static let tokens = [
        ":", "-", "\t", "'", "\"", "&a", "*a", "<<", "<<: *a", "[", "]", "{", "}", "\n", "? ", "|", ">", "!", "!!",
        "%", "#", "---\n", "...", ",", "&", "*", " ", "\r", "\\", "  - ", "x: ", "&b [*a, *a]",
    ]

    /// Syntax that breaks structure, plus NUL, invalid UTF-8, a BOM, U+2028 and NEL.
    static let insertions =
        tokens.map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xA8], [0x85]]

    @Test(arguments: Array(seeds.indices))
    func mutationsNeverCrash(_ seedIndex: Int) {
        var random = SplitMix64(seed: UInt64(seedIndex) &* 7919 &+ 17)
        let original = Array(Self.seeds[seedIndex].utf8)
        var outcomes = (parsed: 0, rejected: 0)
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                mutate(&bytes, using: &random)
            }
            check(bytes, outcomes: &outcomes)
        }
        #expect(outcomes.parsed > 0)
        #expect(outcomes.rejected > 0)
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 42)
        let alphabet = Array(" \n\t:-[]{},'\"&*!|>?#%@`ab1<".utf8) + [0x00, 0xFF, 0xC3, 0xA9]
        var outcomes = (parsed: 0, rejected: 0)
        for _ in 0..<1500 {
            let count = Int.random(in: 0...64, using: &random)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            check(bytes, outcomes: &outcomes)
        }
        #expect(outcomes.parsed + outcomes.rejected == 1500)
    }

    private func check(_ bytes: [UInt8], outcomes: inout (parsed: Int, rejected: Int)) {
        do {
            _ = try YAMLParser.parse(bytes, file: "fuzz.yaml")
            outcomes.parsed += 1
        } catch {
            outcomes.rejected += 1
            // libyaml reports an unexpected end of input on the line after the last one.
            let breaks = bytes.count { [0x0A, 0x0D, 0x85, 0xA8, 0xA9].contains($0) }
            let sane = error.mark.line >= 1 && error.mark.column >= 1 && error.mark.line <= breaks + 2
            #expect(sane, "\(error) for \(bytes)")
            #expect(!error.message.isEmpty)
        }
    }

    private func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        let length = min(Int.random(in: 1...8, using: &random), bytes.count - position)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where length > 0:
            bytes.removeSubrange(position..<position + length)
        case 1 where length > 0:
            bytes.insert(contentsOf: bytes[position..<position + length], at: position)
        case 2 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 3 where !bytes.isEmpty:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 4:
            bytes.removeSubrange(position...)
        default:
            bytes.insert(contentsOf: Self.insertions.randomElement(using: &random) ?? [], at: position)
        }
    }
}
