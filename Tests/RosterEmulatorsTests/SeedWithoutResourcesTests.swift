import Foundation
import Testing

@testable import RosterEmulators

/// An emulator that starts from saved state uses only its seed's options and vendor settings; the seed's users and
/// groups are read past, not kept.
@Suite("Seeds read without their resources")
struct SeedWithoutResourcesTests {
    @Test func theParserEmptiesOnlyTheNamedArrays() throws {
        let text = #"""
            {"users": [{"userName": "a"}, {"userName": "b"}], "options": {"token": "t", "users": [1]},
             "vendor": {"users": [{"userName": "c"}], "limits": {"modify": 3}, "skills": "not an array"}}
            """#
        let value = try JSONParser.parse(
            Array(text.utf8), dropping: [["users"], ["vendor", "users"], ["vendor", "skills"]])
        #expect(value.objectValue?["users"] == .array([]))
        #expect(value.objectValue?["options"]?.objectValue?["users"] == .array([.number(1)]))
        let vendor = value.objectValue?["vendor"]?.objectValue
        #expect(vendor?["users"] == .array([]))
        #expect(vendor?["limits"] == .object(["modify": .number(3)]))
        // Only arrays are dropped: a value of another type stays for the checks to report.
        #expect(vendor?["skills"] == .string("not an array"))
    }

    @Test func aDroppedArrayIsStillCheckedForSyntax() {
        let broken = Array(#"{"users": [{"userName": "a"}, {"userName": }]}"#.utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(broken, dropping: [["users"]]) }
    }

    @Test func aGenericSeedKeepsItsOptions() throws {
        let folder = try TemporaryFolder()
        let url = try Self.write(
            in: folder,
            #"{"options": {"token": "from-seed"}, "users": [{"userName": "ana@x"}],"#
                + #" "groups": [{"displayName": "Sales"}]}"#)
        let seed = try SCIMSeed(contentsOf: url, resources: false)
        #expect(seed.userCount == 0)
        #expect(seed.groupCount == 0)
        #expect(seed.token == "from-seed")
        #expect(try SCIMSeed(contentsOf: url).userCount == 1)
    }

    @Test func aFive9SeedKeepsItsSettingsWithoutItsLists() throws {
        let folder = try TemporaryFolder()
        let url = try Self.write(
            in: folder,
            #"{"vendor": {"scimToken": "scim-t", "users": [{"generalInfo": {"userName": "ana@x"}}],"#
                + #" "skills": [{"name": "Sales"}], "agentGroups": [{"name": "Team"}]}}"#)
        let seed = try VendorSeed(contentsOf: url, resources: false)
        #expect(seed.vendor["users"] == .array([]))
        #expect(seed.vendor["skills"] == .array([]))
        #expect(seed.vendor["agentGroups"] == .array([]))
        #expect(seed.vendorString("scimToken") == "scim-t")
    }

    /// The snapshot an emulator leaves in its state folder is what tells the embedded mode to skip the seed's
    /// resources.
    @Test func aClosedEmulatorLeavesSavedState() async throws {
        let folder = try TemporaryFolder()
        #expect(!SavedState.exists(in: folder.state))
        let emulator = try SCIMEmulator(seed: .empty, stateDirectory: folder.state)
        try await emulator.close()
        #expect(SavedState.exists(in: folder.state))
    }

    static func write(in folder: TemporaryFolder, _ text: String) throws -> URL {
        let url = folder.url.appendingPathComponent("seed.json")
        try Data(text.utf8).write(to: url)
        return url
    }
}
