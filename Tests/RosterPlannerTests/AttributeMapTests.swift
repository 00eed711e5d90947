import Foundation
import RosterModel
import Testing

@Suite("Attribute map")
struct AttributeMapTests {
    let dictionary: [String: AttributeValue] = [
        Attribute.title: .string("Agent"), Attribute.givenName: .string("Maria"),
        Attribute.skills: .levels(["Sales": 3]),
        Attribute.roles: .list(["agent", "supervisor"]), Attribute.email: .string("maria@acme.example"),
    ]

    @Test func keepsNamesSortedWhateverTheOrderTheyCameIn() {
        var map: AttributeMap = [Attribute.title: .string("Agent"), Attribute.email: .string("a@acme.example")]
        map[Attribute.department] = .string("Sales")
        map[Attribute.givenName] = .string("Maria")
        #expect(map.keys == [Attribute.department, Attribute.email, Attribute.givenName, Attribute.title])
        #expect(Array(map.map(\.key)) == map.keys)
    }

    @Test func setsReplacesAndRemovesLikeADictionary() {
        var map = AttributeMap(dictionary)
        map[Attribute.title] = .string("Supervisor")
        map[Attribute.email] = nil
        map[Attribute.locale] = nil
        var expected = dictionary
        expected[Attribute.title] = .string("Supervisor")
        expected[Attribute.email] = nil
        #expect(map.dictionary == expected)
        #expect(map.count == 4)
        #expect(map[Attribute.email] == nil)
        #expect(map[Attribute.title] == .string("Supervisor"))
    }

    @Test func equalAndHashEqualWhateverTheInsertionOrder() {
        var forwards = AttributeMap()
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) { forwards[key] = value }
        var backwards = AttributeMap()
        for (key, value) in dictionary.sorted(by: { $0.key > $1.key }) { backwards[key] = value }
        #expect(forwards == backwards)
        #expect(forwards.hashValue == backwards.hashValue)
        backwards[Attribute.title] = .string("Other")
        #expect(forwards != backwards)
    }

    /// Saved plans and fingerprints were written from `[String: AttributeValue]`; the bytes must not change.
    @Test func encodesExactlyAsTheDictionaryItReplaces() throws {
        let encoder = Fingerprint.canonicalEncoder
        #expect(try encoder.encode(AttributeMap(dictionary)) == encoder.encode(dictionary))
        let decoded = try JSONDecoder().decode(AttributeMap.self, from: try encoder.encode(dictionary))
        #expect(decoded == AttributeMap(dictionary))
        #expect(Fingerprint.of(AttributeMap(dictionary)) == Fingerprint.of(dictionary))
    }

    @Test func mapsAndFiltersValues() {
        let map = AttributeMap(dictionary)
        let strings = map.filter { if case .string = $0.value { true } else { false } }
        #expect(strings.keys == [Attribute.email, Attribute.givenName, Attribute.title])
        let upper = strings.mapValues { value in
            if case .string(let text) = value { .string(text.uppercased()) } else { value }
        }
        #expect(upper[Attribute.title] == .string("AGENT"))
        #expect(upper.keys == strings.keys)
    }
}
