import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// What the snapshot reader and writer did before they streamed: one tree for the whole file.
enum TreeSnapshot {
    static func write(_ store: SCIMStore) -> [UInt8] {
        let json = JSONValue.object([
            "format": 1, "counter": .number(Double(store.counter)),
            "users": .array(store.users.all.map(JSONValue.object)),
            "groups": .array(store.groups.all.map(JSONValue.object)),
        ])
        return [UInt8](json.serialized)
    }

    static func read(_ bytes: [UInt8]) throws -> SCIMStore {
        let root = try #require(try JSONParser.parse(bytes).objectValue)
        var store = SCIMStore()
        for (key, kind) in [("users", ResourceKind.user), ("groups", .group)] {
            for resource in root[key]?.arrayValue ?? [] { store.apply(.put(kind, try #require(resource.objectValue))) }
        }
        store.raiseCounter(to: Int(try #require(root["counter"]?.numberValue)))
        return store
    }
}

/// A store of many users and groups with the awkward values a snapshot must carry: escapes, non-ASCII text,
/// fractions, large numbers, inactive users, replaced and deleted resources.
func busyStore(users: Int = 3_000, groups: Int = 30) -> SCIMStore {
    var store = SCIMStore()
    var userIDs: [String] = []
    for number in 0..<users {
        let id = store.nextID()
        userIDs.append(id)
        var user: JSONObject = [
            "id": .string(id), "userName": .string("user\(number)@x"), "active": .bool(number % 7 != 3),
            "name": ["givenName": .string("Zoë \"Q\" \\ \(number)"), "familyName": "Tab\tNew\nLine"],
            "emails": [["value": .string("user\(number)@x"), "primary": true]],
            "x-score": .number(Double(number) / 8), "x-big": .number(1e21),
            "meta": ResourceMeta.make(
                .user, created: "2026-01-01T00:00:00.000Z", lastModified: "2026-01-01T00:00:00.000Z", version: 1),
        ]
        if number % 3 == 0 { user["externalId"] = .string("ext-\(number % 100)") }
        store.apply(.put(.user, user))
    }
    for number in 0..<groups {
        let members = stride(from: number, to: users, by: groups).map {
            JSONValue.object(["value": .string(userIDs[$0])])
        }
        store.apply(
            .put(
                .group,
                ["id": .string(store.nextID()), "displayName": .string("Team \(number)"), "members": .array(members)]))
    }
    for number in stride(from: 5, to: users, by: 11) { store.apply(.delete(.user, userIDs[number])) }
    for number in stride(from: 2, to: users, by: 13) {
        var user = store.users[userIDs[number]] ?? [:]
        guard !user.isEmpty else { continue }
        user["active"] = .bool(user["active"] == false)
        user["title"] = "Replaced"
        store.apply(.put(.user, user))
    }
    return store
}

@Suite("Snapshot: streamed write and read")
struct SnapshotTests {
    private func written(_ store: SCIMStore, chunkSize: Int = Snapshot.chunkSize) -> (bytes: [UInt8], chunks: [Int]) {
        var bytes: [UInt8] = []
        var chunks: [Int] = []
        Snapshot.write(store, chunkSize: chunkSize) { chunk in
            bytes += chunk
            chunks.append(chunk.count)
        }
        return (bytes, chunks)
    }

    @Test func theStreamedWriterWritesTodaysFormatByteForByte() {
        let store = busyStore()
        let (bytes, chunks) = written(store, chunkSize: 4_096)
        #expect(bytes == TreeSnapshot.write(store))
        #expect(chunks.count > 10)
        #expect(chunks.dropLast().allSatisfy { $0 >= 4_096 && $0 < 4_096 + 2_000 })
    }

    @Test func anEmptyStoreIsAnEmptySnapshot() {
        #expect(
            String(decoding: written(SCIMStore()).bytes, as: UTF8.self)
                == #"{"counter":0,"format":1,"groups":[],"users":[]}"#)
    }

    @Test func theStreamedReaderGivesTheSameStoreAsTheTreeReader() throws {
        let store = busyStore()
        let bytes = TreeSnapshot.write(store)
        let streamed = try Snapshot.read(bytes)
        #expect(StoreImage(streamed).differences(from: StoreImage(try TreeSnapshot.read(bytes))) == [])
        #expect(StoreImage(streamed).differences(from: StoreImage(store)) == [])
        #expect(written(streamed).bytes == bytes)
    }

    @Test func aHandWrittenSnapshotInAnyMemberOrderAndLayoutStillReads() throws {
        let text = """
            {
              "users": [ { "userName": "ana@x", "id": "u1", "active": false },
                         {"id": "u2", "userName": "bob@x"} ],
              "groups": [ { "id": "g1", "displayName": "Sales", "members": [ { "value": "u2" } ] } ],
              "counter": 9, "format": 1, "comment": "kept aside"
            }
            """
        let store = try Snapshot.read(Array(text.utf8))
        #expect(StoreImage(store).differences(from: StoreImage(try TreeSnapshot.read(Array(text.utf8)))) == [])
        #expect(store.counter == 9)
        #expect(store.isInactiveUser("u1"))
        #expect(store.groupIDs(containing: "u2") == ["g1"])
        #expect(store.users["u1"] == ["id": "u1", "userName": "ana@x", "active": false])
    }

    @Test(arguments: [
        (#"{"format":2,"counter":1,"users":[],"groups":[]}"#, "not a format 1 snapshot"),
        (#"{"format":1,"users":[],"groups":[]}"#, "not a format 1 snapshot"),
        (#"{"format":1,"counter":1,"users":[{"userName":"a"}],"groups":[]}"#, "a resource in users has no id"),
        (#"{"format":1,"counter":1,"users":[],"groups":[7]}"#, "a resource in groups has no id"),
    ])
    func aSnapshotThatIsNotFormatOneIsRefused(text: String, message: String) {
        let error = #expect(throws: StateFormatError.self) { try Snapshot.read(Array(text.utf8)) }
        #expect(error?.description == message)
    }

    @Test func malformedSnapshotTextIsAParseError() {
        #expect(throws: JSONParseError.self) { try Snapshot.read(Array(#"{"format":1,"users":[{"id":"u1"},]}"#.utf8)) }
        #expect(throws: JSONParseError.self) { try Snapshot.read(Array("[]".utf8)) }
    }

    @Test func aSnapshotInTodaysFormatOpensInAStateFolder() async throws {
        // Written by the tree writer before resources were stored as text; the format did not change.
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.state, withIntermediateDirectories: true)
        let meta = #""created":"2026-01-01T00:00:00.000Z","lastModified":"2026-01-01T00:00:00.000Z""#
        let snapshot =
            #"{"counter":2,"format":1,"groups":[{"displayName":"Sales","id":"g1","#
            + #""members":[{"type":"User","value":"u1"}],"meta":{\#(meta),"resourceType":"Group","version":"W/\"1\""}}],"#
            + #""users":[{"active":true,"id":"u1","meta":{\#(meta),"resourceType":"User","version":"W/\"4\""},"#
            + #""userName":"ana@x"}]}"#
        try snapshot.write(to: folder.state.appendingPathComponent("state.json"), atomically: true, encoding: .utf8)
        let client = SCIMTestClient(try SCIMEmulator(stateDirectory: folder.state, now: fixedNow))
        let ana = await client.get("/Users/u1")
        #expect(ana["userName"] == "ana@x")
        #expect(ana.headers[.eTag] == #"W/"4""#)
        #expect(ana["groups"]?.arrayValue?.first?.objectValue?["display"] == "Sales")
        #expect(try await client.createUser("bob@x") == "00000000-0000-4000-8000-000000000003")
        try await client.emulator.close()
        #expect(
            try folder.contents("state.json").hasPrefix(#"{"counter":3,"format":1,"groups":[{"displayName":"Sales""#))
    }
}
