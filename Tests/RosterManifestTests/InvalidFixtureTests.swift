import Foundation
import RosterManifest
import RosterModel
import Testing

/// One file under `Fixtures/invalid`, whose trailing `# expect: code@column, …` comments say which diagnostics
/// the loader must report on that line (all of them, nothing more).
struct InvalidFixture: Sendable, CustomTestStringConvertible {
    /// The file name.
    var name: String

    var testDescription: String { name }

    /// Every fixture in the folder.
    static let all: [InvalidFixture] =
        (try? FileManager.default.contentsOfDirectory(
            atPath: TestPaths.fixture("invalid")))?.filter { $0.hasSuffix(".yaml") }.sorted().map(InvalidFixture.init)
        ?? []

    /// `code@line:column` for each marker.
    func expected() throws -> [String] {
        let text = try String(contentsOfFile: TestPaths.fixture("invalid/" + name), encoding: .utf8)
        var marks: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "# expect: ") else { continue }
            for item in line[range.upperBound...].split(separator: ",") {
                let parts = item.trimmingCharacters(in: .whitespaces).split(separator: "@")
                marks.append("\(parts[0])@\(index + 1):\(parts[1])")
            }
        }
        return marks.sorted()
    }
}

@Suite("Invalid manifests report every problem at its place")
struct InvalidFixtureTests {
    @Test("fixture diagnostics match the expect markers", arguments: InvalidFixture.all)
    func fixture(_ fixture: InvalidFixture) throws {
        let result = ManifestLoader().load(path: TestPaths.fixture("invalid/" + fixture.name))
        let actual = result.diagnostics.map { d in
            "\(d.code)@\(d.location?.line ?? -1):\(d.location?.column ?? -1)"
        }
        #expect(actual.sorted() == (try fixture.expected()))
        #expect(result.desired == nil)
        #expect(result.people.isEmpty)
        let locations = result.diagnostics.compactMap(\.location)
        #expect(locations == locations.sorted())
    }

    @Test("the fixture set covers every kind of input problem this folder can hold")
    func coverage() throws {
        let codes = Set(
            try InvalidFixture.all.flatMap { try $0.expected() }.map { String($0.split(separator: "@")[0]) })
        let fileCodes: Set<ManifestDiagnosticCode> = [
            .inputNotFound, .unreadable, .noManifests, .emptyFile, .fileTooLarge, .notUTF8, .symlinkLoop,
            .duplicatePath,
        ]
        for code in ManifestDiagnosticCode.allCases where !fileCodes.contains(code) {
            #expect(codes.contains(code.rawValue), "no invalid fixture exercises \(code.rawValue)")
        }
    }

    @Test("duplicates name the first definition as related")
    func duplicatesNameBothPlaces() throws {
        let result = ManifestLoader().load(path: TestPaths.fixture("invalid/duplicates.yaml"))
        let duplicates = result.diagnostics.filter { $0.code == "duplicate" }
        #expect(duplicates.count == 8)
        for duplicate in duplicates {
            let related = try #require(duplicate.related.first)
            #expect(related < duplicate.location!)
        }
        let person = try #require(duplicates.first { $0.message.contains("person") })
        #expect(person.related.map(\.line) == [16])
    }

    @Test("did-you-mean hints name the nearest valid choice")
    func suggestions() throws {
        let result = ManifestLoader().load(path: TestPaths.fixture("invalid/references.yaml"))
        let hints = Dictionary(
            result.diagnostics.map { ($0.location!.line, $0.hint ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(hints[11] == "did you mean 'five9'?")
        #expect(hints[22] == "did you mean 'ben@acme.example'?")
        #expect(hints[23] == "did you mean 'agent'?")
        #expect(hints[25] == "did you mean 'Sales Floor'?")
        #expect(hints[26] == "did you mean 'admin'?")
        #expect(hints[33] == "")
    }

    @Test("common synonyms point at roster's word")
    func synonyms() throws {
        let result = ManifestLoader().load(path: TestPaths.fixture("invalid/shapes.yaml"))
        let users = try #require(result.diagnostics.first { $0.message.contains("'users'") })
        #expect(users.hint == "did you mean 'people'?")
    }

    @Test("a YAML error in one file hides reference errors that file might have resolved")
    func incompleteManifest() throws {
        let result = ManifestLoader().load(path: TestPaths.fixture("invalid/syntax.yaml"))
        #expect(result.diagnostics.map(\.code) == ["yaml"])
        #expect(result.diagnostics.first?.hint == "write endpoint: \"emulator:\" in quotes")
    }
}
