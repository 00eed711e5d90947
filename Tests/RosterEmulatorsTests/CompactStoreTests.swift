import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Compact store: resources kept as JSON text, indexes, round trips")
struct CompactStoreTests {
    private static let seed =
        #"{"users":[{"userName":"seed@x"}],"groups":[{"displayName":"G","members":[{"userName":"seed@x"}]}]}"#

    private func user(_ id: String, _ name: String, active: Bool?) -> JSONObject {
        var user: JSONObject = ["id": .string(id), "userName": .string(name)]
        if let active { user["active"] = .bool(active) }
        return user
    }

    @Test func aTableKeepsCompactKeySortedTextAndParsesOnDemand() {
        var table = ResourceTable()
        table.upsert(["id": "a", "userName": "ana", "name": ["givenName": "Ana"]], id: "a")
        table.upsert(["id": "b"], id: "b")
        #expect(table.bytes(of: "a") == Array(#"{"id":"a","name":{"givenName":"Ana"},"userName":"ana"}"#.utf8))
        #expect(table["a"]?["name"] == ["givenName": "Ana"])
        #expect(table.contains("b") && !table.contains("c") && table["c"] == nil)
        table.upsert(["id": "a", "userName": "ann"], id: "a")
        table.remove("b")
        table.upsert(["id": "c"], id: "c")
        #expect(table.page(from: 0, count: 10).map { $0["id"] } == ["a", "c"])
        #expect(table.orderedIDs == ["a", "c"])
        #expect(table.precedes("a", "c"))
        #expect(table.count == 2)
    }

    @Test func anIDBucketKeepsOneIDInlineAndManyInOrder() {
        var bucket = IDBucket.adding("a", to: nil, unique: true)
        #expect(bucket == .one("a"))
        #expect(IDBucket.adding("a", to: bucket, unique: true) == .one("a"))
        #expect(IDBucket.adding("a", to: bucket, unique: false).ids == ["a", "a"])
        bucket = .adding("c", to: .adding("b", to: bucket, unique: true), unique: true)
        #expect(bucket == .many(["a", "b", "c"]))
        #expect(IDBucket.adding("b", to: bucket, unique: true) == bucket)
        #expect(bucket.removing("b") == .many(["a", "c"]))
        #expect(bucket.removing("b")?.removing("a") == .one("c"))
        #expect(bucket.removing("b")?.removing("a")?.removing("c") == nil)
        #expect(IDBucket.one("a").removing("x") == .one("a"))
    }

    @Test func usersSharingAnExternalIDAndGroupsSharingAMemberAreAllFound() {
        var store = SCIMStore()
        for id in ["u1", "u2", "u3"] { store.apply(.put(.user, ["id": .string(id), "externalId": "e"])) }
        store.apply(.put(.group, ["id": "g2", "members": [["value": "u1"], ["value": "u2"]]]))
        store.apply(.put(.group, ["id": "g1", "members": [["value": "u1"]]]))
        #expect(store.userIDs(forExternalID: "e") == ["u1", "u2", "u3"])
        #expect(store.groupIDs(containing: "u1") == ["g2", "g1"])
        store.apply(.delete(.user, "u2"))
        store.apply(.put(.group, ["id": "g2", "members": [["value": "u3"]]]))
        #expect(store.userIDs(forExternalID: "e") == ["u1", "u3"])
        #expect(store.groupIDs(containing: "u1") == ["g1"])
        #expect(store.groupIDs(containing: "u3") == ["g2"])
        store.apply(.delete(.group, "g1"))
        #expect(store.groupIDs(containing: "u1") == [])
    }

    @Test func theInactiveIndexFollowsEveryPutAndDelete() {
        var store = SCIMStore()
        store.apply(.put(.user, user("u1", "ana", active: false)))
        store.apply(.put(.user, user("u2", "bob", active: true)))
        #expect(store.isInactiveUser("u1") && !store.isInactiveUser("u2"))
        store.apply(.put(.user, user("u1", "ana", active: true)))
        store.apply(.put(.user, user("u2", "bob", active: false)))
        #expect(!store.isInactiveUser("u1") && store.isInactiveUser("u2"))
        store.apply(.put(.user, user("u2", "bob", active: nil)))
        #expect(!store.isInactiveUser("u2"))
        store.apply(.put(.user, user("u2", "bob", active: false)))
        store.apply(.delete(.user, "u2"))
        #expect(!store.isInactiveUser("u2"))
        store.apply(.put(.user, user("u2", "bob", active: true)))
        #expect(!store.isInactiveUser("u2"))
        store.apply(.put(.group, ["id": "g1", "displayName": "G", "active": false]))
        #expect(!store.isInactiveUser("g1"))
    }

    @Test func theInactiveIndexSurvivesASnapshotAndDrivesTheActiveOnlyList() async throws {
        var options = SCIMEmulatorOptions()
        options.unfilteredListExcludesInactiveUsers = true
        let folder = try TemporaryFolder()
        var ids: [String] = []
        do {
            let client = SCIMTestClient(try SCIMEmulator(options: options, stateDirectory: folder.state, now: fixedNow))
            for name in ["a@x", "b@x", "c@x"] { ids.append(try await client.createUser(name)) }
            let off = SCIMTestClient.patchBody(#"{"op":"replace","path":"active","value":false}"#)
            _ = await client.patch("/Users/\(ids[0])", off)
            _ = await client.patch("/Users/\(ids[1])", off)
            _ = await client.put("/Users/\(ids[1])", #"{"userName":"b@x","active":true}"#)
            #expect(await client.get("/Users").names == ["b@x", "c@x"])
            try await client.emulator.close()
        }
        let client = SCIMTestClient(try SCIMEmulator(options: options, stateDirectory: folder.state, now: fixedNow))
        #expect(await client.get("/Users").names == ["b@x", "c@x"])
        _ = await client.delete("/Users/\(ids[1])")
        #expect(await client.get("/Users").names == ["c@x"])
        #expect(await client.get(listPath("/Users", filter: "active eq false")).names == ["a@x"])
    }

    @Test func aRenamedGroupShowsItsNewNameInItsMembersGroups() async throws {
        let client = try SCIMTestClient(seed: Self.seed)
        let user = await client.get("/Users").resources[0]
        let userID = try #require(user["id"]?.stringValue)
        let groupID = try #require(user["groups"]?.arrayValue?.first?.objectValue?["value"]?.stringValue)
        _ = await client.patch(
            "/Groups/\(groupID)", SCIMTestClient.patchBody(#"{"op":"replace","path":"displayName","value":"Sales"}"#))
        let groups = await client.get("/Users/\(userID)")["groups"]?.arrayValue
        #expect(groups?.first?.objectValue?["display"] == "Sales")
        _ = await client.delete("/Groups/\(groupID)")
        #expect(await client.get("/Users/\(userID)")["groups"] == nil)
    }

    /// Every listing and every single resource, as a client sees them.
    private func everything(_ client: SCIMTestClient) async -> [String] {
        var answers: [String] = []
        for path in ["/Users", "/Groups", "/Users?startIndex=2&count=2", "/Users?attributes=userName,groups"] {
            answers.append(String(decoding: await client.get(path).body, as: UTF8.self))
        }
        for kind in ["Users", "Groups"] {
            for resource in await client.get("/\(kind)").resources {
                let response = await client.get("/\(kind)/\(resource["id"]?.stringValue ?? "")")
                answers.append((response.headers[.eTag] ?? "") + String(decoding: response.body, as: UTF8.self))
            }
        }
        return answers
    }

    private func makeChanges(_ client: SCIMTestClient) async throws {
        let ana = try await client.createUser("ana@x", extra: #","title":"Agent","active":false"#)
        let bob = try await client.createUser("bob@x", extra: #","name":{"givenName":"Bob \"B\" Ü"}"#)
        let cy = try await client.createUser("cy@x")
        let team = try await client.createGroup("Team", members: [ana, bob])
        _ = try await client.createGroup("Other", members: [cy, team])
        _ = await client.put("/Users/\(ana)", #"{"userName":"ana@x","title":"Lead","active":true}"#)
        _ = await client.patch("/Users/\(bob)", SCIMTestClient.patchBody(#"{"op":"add","path":"title","value":"X"}"#))
        _ = await client.put("/Groups/\(team)", #"{"displayName":"Team A","members":[{"value":"\#(bob)"}]}"#)
        _ = await client.delete("/Users/\(cy)")
    }

    /// Opens a seeded emulator in `folder`, makes the changes and returns every answer, with the emulator after them
    /// (released when the caller is done with it).
    private func answersAfterChanges(in folder: TemporaryFolder) async throws -> ([String], SCIMTestClient) {
        let client = SCIMTestClient(
            try SCIMEmulator(seed: SCIMSeed(json: Data(Self.seed.utf8)), stateDirectory: folder.state, now: fixedNow))
        try await makeChanges(client)
        return (await everything(client), client)
    }

    @Test func writesThenASnapshotAndReopeningGiveIdenticalAnswers() async throws {
        let folder = try TemporaryFolder()
        let before: [String]
        do {
            let (answers, client) = try await answersAfterChanges(in: folder)
            before = answers
            try await client.emulator.compact()
            #expect(try folder.contents("journal.jsonl").isEmpty)
        }
        let reopened = SCIMTestClient(try SCIMEmulator(stateDirectory: folder.state, now: fixedNow))
        #expect(await everything(reopened) == before)
        #expect(before.count == 4 + 3 + 3)
    }

    @Test func writesReplayedFromTheJournalGiveIdenticalAnswers() async throws {
        let folder = try TemporaryFolder()
        let before: [String]
        do {
            (before, _) = try await answersAfterChanges(in: folder)
            #expect(try !folder.contents("journal.jsonl").isEmpty)
        }
        let reopened = SCIMTestClient(try SCIMEmulator(stateDirectory: folder.state, now: fixedNow))
        #expect(await everything(reopened) == before)
        try await reopened.emulator.close()
        let again = SCIMTestClient(try SCIMEmulator(stateDirectory: folder.state, now: fixedNow))
        #expect(await everything(again) == before)
    }
}
