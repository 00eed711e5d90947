import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// A fresh temporary folder, removed when the test ends.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scim-emulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The emulator state folder inside it.
    var state: URL { url.appendingPathComponent("state") }

    func contents(_ name: String) throws -> String {
        try String(contentsOf: state.appendingPathComponent(name), encoding: .utf8)
    }
}

@Suite("Persistence: state folder, journal, compaction")
struct PersistenceTests {
    private let seed =
        #"{"users":[{"userName":"seed@x"}],"groups":[{"displayName":"G","members":[{"userName":"seed@x"}]}]}"#

    private func open(_ folder: TemporaryFolder, seed: String? = nil) throws -> SCIMTestClient {
        let seedValue = try seed.map { try SCIMSeed(json: Data($0.utf8)) } ?? .empty
        return SCIMTestClient(try SCIMEmulator(seed: seedValue, stateDirectory: folder.state, now: fixedNow))
    }

    @Test func firstUseStartsFromTheSeedAndWritesASnapshot() async throws {
        let folder = try TemporaryFolder()
        let client = try open(folder, seed: seed)
        #expect(await client.get("/Users").names == ["seed@x"])
        #expect(try folder.contents("state.json").contains("seed@x"))
        #expect(try folder.contents("journal.jsonl").isEmpty)
    }

    @Test func writesSurviveReopeningWithoutClose() async throws {
        let folder = try TemporaryFolder()
        var ids: [String] = []
        do {
            let client = try open(folder, seed: seed)
            ids.append(try await client.createUser("ana@x", extra: #","title":"Agent""#))
            ids.append(try await client.createUser("bob@x"))
            _ = await client.patch(
                "/Users/\(ids[0])", SCIMTestClient.patchBody(#"{"op":"replace","path":"title","value":"Lead"}"#))
            _ = await client.delete("/Users/\(ids[1])")
            let seedUser = await client.get(listPath("/Users", filter: #"userName eq "seed@x""#)).resources[0]
            _ = await client.delete("/Users/\(seedUser["id"]!.stringValue!)")
            #expect(try folder.contents("journal.jsonl").split(separator: "\n").count == 5)
        }
        let reopened = try open(folder, seed: #"{"users":[{"userName":"ignored@x"}]}"#)
        #expect(await reopened.get("/Users").names == ["ana@x"])
        let ana = await reopened.get("/Users/\(ids[0])")
        #expect(ana["title"] == "Lead")
        #expect(ana.headers[.eTag] == #"W/"2""#)
        #expect(await reopened.get("/Groups").resources.first?["members"] == nil)
        let next = try await reopened.createUser("cy@x")
        #expect(next == "00000000-0000-4000-8000-000000000005")
    }

    @Test func compactionWritesASnapshotAndEmptiesTheJournal() async throws {
        let folder = try TemporaryFolder()
        do {
            let client = try open(folder)
            try await client.createUser("ana@x")
            try await client.createUser("bob@x")
            #expect(try !folder.contents("journal.jsonl").isEmpty)
            try await client.emulator.compact()
            #expect(try folder.contents("journal.jsonl").isEmpty)
            #expect(try folder.contents("state.json").contains("bob@x"))
            #expect(!FileManager.default.fileExists(atPath: folder.state.appendingPathComponent("state.json.tmp").path))
            try await client.createUser("cy@x")
        }
        let reopened = try open(folder)
        #expect(await reopened.get("/Users").names == ["ana@x", "bob@x", "cy@x"])
    }

    @Test func theJournalIsCompactedAutomaticallyWhenItOutgrowsTheState() async throws {
        let folder = try TemporaryFolder()
        var options = SCIMEmulatorOptions()
        options.journalCompactionThreshold = 3
        do {
            let client = SCIMTestClient(try SCIMEmulator(options: options, stateDirectory: folder.state, now: fixedNow))
            var ids: [String] = []
            for name in ["a", "b", "c"] { ids.append(try await client.createUser("\(name)@x")) }
            #expect(try folder.contents("journal.jsonl").split(separator: "\n").count == 3)
            let rename = SCIMTestClient.patchBody(#"{"op":"replace","path":"userName","value":"z@x"}"#)
            #expect(await client.patch("/Users/\(ids[0])", rename).status == 200)
            #expect(try folder.contents("journal.jsonl").isEmpty)
            #expect(try folder.contents("state.json").contains("z@x"))
            try await client.createUser("d@x")
        }
        #expect(await (try open(folder)).get("/Users").names == ["z@x", "b@x", "c@x", "d@x"])
    }

    @Test func closeCompactsAndLaterRequestsAre503() async throws {
        let folder = try TemporaryFolder()
        let client = try open(folder)
        try await client.createUser("ana@x")
        try await client.emulator.close()
        #expect(try folder.contents("journal.jsonl").isEmpty)
        #expect(await client.get("/Users").status == 503)
        try await client.emulator.close()
        #expect(await (try open(folder)).get("/Users").names == ["ana@x"])
    }

    @Test func closingAfterOnlyReadsLeavesTheSnapshotAlone() async throws {
        let folder = try TemporaryFolder()
        let snapshot = folder.state.appendingPathComponent("state.json")
        try await open(folder, seed: seed).emulator.close()
        // Mark the snapshot: a rewrite on close would replace the file and lose the mark.
        let epoch = Date(timeIntervalSince1970: 0)
        try FileManager.default.setAttributes([.modificationDate: epoch], ofItemAtPath: snapshot.path)
        let reader = try open(folder)
        #expect(await reader.get("/Users").names == ["seed@x"])
        try await reader.emulator.close()
        let modified = try FileManager.default.attributesOfItem(atPath: snapshot.path)[.modificationDate] as? Date
        #expect(modified == epoch)
        // A session that journaled a change still compacts on close.
        let writer = try open(folder)
        try await writer.createUser("ana@x")
        try await writer.emulator.close()
        #expect(try folder.contents("state.json").contains("ana@x"))
        #expect(try folder.contents("journal.jsonl").isEmpty)
    }

    @Test func aTornLastJournalLineIsDropped() async throws {
        let folder = try TemporaryFolder()
        do {
            let client = try open(folder)
            try await client.createUser("ana@x")
        }
        let journal = folder.state.appendingPathComponent("journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"counter":9,"changes":[{"put":"User","reso"#.utf8))
        try handle.close()
        do {
            let reopened = try open(folder)
            #expect(await reopened.get("/Users").names == ["ana@x"])
            try await reopened.createUser("bob@x")
        }
        #expect(await (try open(folder)).get("/Users").names == ["ana@x", "bob@x"])
    }

    @Test func aDamagedJournalLineIsAnError() async throws {
        let folder = try TemporaryFolder()
        do {
            let client = try open(folder)
            try await client.createUser("ana@x")
        }
        let journal = folder.state.appendingPathComponent("journal.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
        try ("garbage\n" + text).write(to: journal, atomically: true, encoding: .utf8)
        let error = #expect(throws: SCIMEmulatorError.self) { try open(folder) }
        #expect(error?.kind == .invalidState)
        #expect(error?.description.contains("journal.jsonl: line 1") == true)
    }

    @Test func aDamagedSnapshotIsAnError() async throws {
        let folder = try TemporaryFolder()
        _ = try open(folder)
        try "{}".write(to: folder.state.appendingPathComponent("state.json"), atomically: true, encoding: .utf8)
        let error = #expect(throws: SCIMEmulatorError.self) { try open(folder) }
        #expect(error?.kind == .invalidState)
    }

    @Test func aFolderServesOneEmulatorAtATime() async throws {
        let folder = try TemporaryFolder()
        let first = try open(folder)
        let error = #expect(throws: SCIMEmulatorError.self) { try open(folder) }
        #expect(error?.kind == .io)
        #expect(error?.description.contains("in use by another emulator") == true)
        try await first.emulator.close()
        _ = try open(folder)
    }

    @Test func journalLinesRoundTrip() throws {
        let entry = JournalEntry(
            mutations: [.put(.user, ["id": "u1", "userName": "a"]), .delete(.group, "g1")], counter: 7)
        #expect(try JournalEntry.read(JSONParser.parse(entry.json.serialized)) == entry)
    }
}
