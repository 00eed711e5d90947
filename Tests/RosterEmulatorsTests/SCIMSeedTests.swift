import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Seeds")
struct SCIMSeedTests {
    @Test func membersByUserNameAndIDAreResolved() async throws {
        let client = try SCIMTestClient(
            seed: """
                {"users": [{"userName": "ana@x"}, {"id": "bob-id", "userName": "Bob@x", "active": false}],
                 "groups": [{"id": "g1", "displayName": "Sales",
                             "members": [{"userName": "ANA@x"}, {"value": "bob-id", "display": "Bob"}]},
                            {"displayName": "All", "members": [{"value": "g1"}]}]}
                """)
        let sales = await client.get("/Groups/g1")
        #expect(
            sales["members"]
                == [
                    ["value": "00000000-0000-4000-8000-000000000001", "type": "User"],
                    ["value": "bob-id", "display": "Bob", "type": "User"],
                ])
        let all = await client.get(listPath("/Groups", filter: #"displayName eq "All""#)).resources.first
        #expect(all?["members"] == [["value": "g1", "type": "Group"]])
        #expect(await client.get("/Users/bob-id")["active"] == false)
        #expect(await client.get("/Users/00000000-0000-4000-8000-000000000001")["active"] == true)
    }

    @Test func seedOptionsOverrideTheGivenOptions() async throws {
        let seed = try SCIMSeed(json: Data(#"{"options":{"token":"from-seed","maxPageSize":2},"users":[]}"#.utf8))
        let emulator = try SCIMEmulator(seed: seed)
        #expect(emulator.options.token == "from-seed")
        #expect(emulator.options.maxPageSize == 2)
        #expect(await SCIMTestClient(emulator, token: "from-seed").get("/Users").status == 200)
        #expect(await SCIMTestClient(emulator).get("/Users").status == 401)
    }

    @Test func seedMetaTimestampsAreKept() async throws {
        let client = try SCIMTestClient(
            seed:
                #"{"users":[{"id":"u","userName":"a","meta":{"created":"2020-02-02T00:00:00Z","version":"W/\"9\""}}]}"#)
        let meta = await client.get("/Users/u")["meta"]?.objectValue
        #expect(meta?["created"] == "2020-02-02T00:00:00Z")
        #expect(meta?["lastModified"] == "2020-02-02T00:00:00Z")
        #expect(meta?["version"] == #"W/"1""#)
    }

    /// Seed text → a fragment every error must mention.
    @Test(arguments: [
        ("[]", "must be a JSON object"),
        (#"{"users":{}}"#, "users must be an array"),
        (#"{"users":[1]}"#, "users[0] must be an object"),
        (#"{"users":[{"name":{}}]}"#, "users[0].userName is required"),
        (#"{"users":[{"userName":"a"},{"userName":"A"}]}"#, "users[1].userName 'A' is used twice"),
        (#"{"users":[{"id":"x","userName":"a"},{"id":"x","userName":"b"}]}"#, "users[1].id 'x' is used twice"),
        (#"{"users":[{"id":7,"userName":"a"}]}"#, "users[0].id must be a non-empty string"),
        (#"{"groups":[{"members":[]}]}"#, "groups[0].displayName is required"),
        (#"{"groups":[{"displayName":"G"},{"displayName":"g"}]}"#, "groups[1].displayName 'g' is used twice"),
        (#"{"groups":[{"displayName":"G","members":[{"userName":"ghost"}]}]}"#, "no user has userName 'ghost'"),
        (#"{"groups":[{"displayName":"G","members":[{"value":"ghost"}]}]}"#, "'ghost' is not the id"),
        (#"{"groups":[{"displayName":"G","members":[{"display":"x"}]}]}"#, "groups[0].members[0] must be"),
        (#"{"groups":[{"displayName":"G","members":{}}]}"#, "groups[0].members must be an array"),
        (#"{"options":{"token":""}}"#, "options.token must be"),
        (#"{"options":{"maxPageSize":0}}"#, "options.maxPageSize must be"),
        (#"{"options":{"speed":1}}"#, "unknown option 'speed'"),
        (#"{"usres":[]}"#, "unknown key 'usres'"),
        (#"{"users":[}"#, "invalid JSON at byte"),
    ])
    func badSeedsNameTheProblem(json: String, fragment: String) throws {
        let error = #expect(throws: SCIMEmulatorError.self) { try SCIMSeed(json: Data(json.utf8), source: "seed.json") }
        #expect(error?.kind == .invalidSeed)
        #expect(error?.description.contains("seed.json: ") == true)
        #expect(error?.description.contains(fragment) == true, "\(error?.description ?? "")")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let error = #expect(throws: SCIMEmulatorError.self) {
            try SCIMSeed(json: Data(#"{"users":[{},{"userName":5}],"groups":[{}]}"#.utf8))
        }
        #expect(error?.problems.count == 3)
    }

    @Test func resourcesTheServiceWouldRefuseAreSeedErrors() throws {
        let seed = try SCIMSeed(
            json: Data(#"{"users":[{"userName":"a","active":"sometimes"}]}"#.utf8), source: "s.json")
        let error = #expect(throws: SCIMEmulatorError.self) { try SCIMEmulator(seed: seed) }
        #expect(error?.description.contains("s.json: users[0]: active must be true or false") == true)
    }

    @Test func seedFilesAreReadFromDisk() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("seed.json")
        try #"{"users":[{"userName":"a"}]}"#.write(to: file, atomically: true, encoding: .utf8)
        let seed = try SCIMSeed(contentsOf: file)
        #expect(seed.userCount == 1)
        #expect(seed.source == file.path)
        let missing = #expect(throws: SCIMEmulatorError.self) {
            try SCIMSeed(contentsOf: folder.url.appendingPathComponent("missing.json"))
        }
        #expect(missing?.kind == .io)
        #expect(missing?.file.hasSuffix("missing.json") == true)
    }
}
