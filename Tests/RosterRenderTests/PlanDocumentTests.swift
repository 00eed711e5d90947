import Foundation
import RosterModel
import RosterRender
import Testing

@Suite struct PlanDocumentTests {
    let document = PlanDocument(plan: PlanFixtures.everyAction, metadata: PlanFixtures.metadata)

    @Test func givesThePlanBackUnchanged() {
        #expect(document.plan() == PlanFixtures.everyAction)
    }

    @Test func survivesEncodingAndDecoding() throws {
        let decoded = try PlanDocument.decode(PlanDocument.encode(document))
        #expect(decoded == document)
        #expect(decoded.plan() == PlanFixtures.everyAction)
    }

    @Test func keepsValuesExactlyAsGiven() throws {
        var user = User(userName: "Zed@Acme.example")
        user.attributes = ["roles": .list(["b", "a"]), "skills": .levels([:]), "teams": .list([])]
        var group = Group(name: "Ops")
        group.members = ["Zed@Acme.example", "amy"]
        var step = PlanStep(
            address: .user("corp", "zed@acme.example"), action: .update,
            changes: [
                AttributeChange(name: "title", before: nil, after: .string("3")),
                AttributeChange(name: "active", before: .bool(true), after: .int(1)),
            ], reason: "", user: user, group: group, level: 0)
        step.id = "custom-id"
        step.changes.reverse()
        let plan = Plan(steps: [step])
        let decoded = try PlanDocument.decode(
            PlanDocument.encode(PlanDocument(plan: plan, metadata: PlanFixtures.metadata)))
        #expect(decoded.plan() == plan)
    }

    @Test func encodesTheSameBytesEveryTime() throws {
        let again = PlanDocument(plan: PlanFixtures.everyAction, metadata: PlanFixtures.metadata)
        #expect(PlanDocument.encode(document) == PlanDocument.encode(again))
        let reencoded = PlanDocument.encode(try PlanDocument.decode(PlanDocument.encode(document)))
        #expect(reencoded == PlanDocument.encode(document))
    }

    @Test func leavesThePlanDigestOutOfItsOwnPayload() throws {
        var signed = document
        signed.planDigest = "sha256:abc"
        #expect(signed.digestPayload == document.digestPayload)
        #expect(signed.digestPayload == PlanDocument.encode(document))
        let json = String(decoding: PlanDocument.encode(signed), as: UTF8.self)
        #expect(json.contains(#""plan_digest" : "sha256:abc""#))
        #expect(try PlanDocument.decode(PlanDocument.encode(signed)).planDigest == "sha256:abc")
    }

    @Test func matchesTheGoldenJSON() throws {
        try GoldenFile.check(String(decoding: PlanDocument.encode(document), as: UTF8.self), "plan.json")
        let empty = PlanDocument(plan: PlanFixtures.empty, metadata: PlanFixtures.metadata)
        try GoldenFile.check(String(decoding: PlanDocument.encode(empty), as: UTF8.self), "empty-plan.json")
    }

    @Test func usesSnakeCaseKeysButKeepsDictionaryKeys() {
        let json = String(decoding: PlanDocument.encode(document), as: UTF8.self)
        #expect(json.contains(#""method_reason""#))
        #expect(json.contains(#""depends_on""#))
        #expect(json.contains(#""displayName""#))
        #expect(!json.contains("display_name"))
        #expect(json.contains(#""user_skill""#))
    }

    @Test func summarisesEveryActionAndTheSlowestProvider() {
        let summary = document.summary
        #expect(summary.actions.count == Action.allCases.count)
        #expect(summary.actions[.create] == 3)
        #expect(summary.actions[.reactivate] == 1)
        #expect(summary.steps == 14)
        #expect(summary.unmanagedUsers == 16)
        #expect(summary.unmanagedGroups == 2)
        #expect(summary.estimatedCalls == 14)
        #expect(summary.estimatedSeconds == 200)
    }

    @Test func writesTheCreationTimeInWholeUTCSeconds() {
        let metadata = PlanDocument.Metadata(createdAt: Date(timeIntervalSince1970: 1_767_225_600.75))
        let document = PlanDocument(plan: Plan(), metadata: metadata)
        #expect(document.createdAt == "2026-01-01T00:00:00Z")
        #expect(document.rosterVersion == RosterVersion.current)
        #expect(document.createdDate == Date(timeIntervalSince1970: 1_767_225_600))
    }

    @Test func refusesANewerFormat() throws {
        let data = try edited { $0["format_version"] = 2 }
        let error = try #require(throws: PlanDocumentError.self) { try PlanDocument.decode(data) }
        #expect(error.kind == .unsupportedFormat(found: 2, reads: 1))
        #expect(error.description.hasPrefix("plan file format 2 is newer than this roster (reads 1)"))
    }

    @Test func refusesAnOlderFormat() throws {
        let data = try edited { $0["format_version"] = 0 }
        let error = try #require(throws: PlanDocumentError.self) { try PlanDocument.decode(data) }
        #expect(error.description.hasPrefix("plan file format 0 is older than this roster (reads 1)"))
    }

    @Test func refusesAFileWithoutAFormat() throws {
        let data = try edited { $0["format_version"] = nil }
        let error = try #require(throws: PlanDocumentError.self) { try PlanDocument.decode(data) }
        #expect(error.kind == .malformed(path: "format_version"))
    }

    @Test func namesThePathOfABadValue() throws {
        let data = try edited { object in
            var steps = object["steps"] as! [[String: Any]]
            steps[1]["action"] = "explode"
            object["steps"] = steps
        }
        let error = try #require(throws: PlanDocumentError.self) { try PlanDocument.decode(data) }
        #expect(error.kind == .malformed(path: "steps[1].action"))
        #expect(error.description.hasPrefix("plan file is not valid at steps[1].action: "))
    }

    @Test func namesAMissingKey() throws {
        let data = try edited { object in
            var steps = object["steps"] as! [[String: Any]]
            steps[0]["reason"] = nil
            object["steps"] = steps
        }
        let error = try #require(throws: PlanDocumentError.self) { try PlanDocument.decode(data) }
        #expect(error.kind == .malformed(path: "steps[0]"))
        #expect(error.description.contains("missing key 'reason'"))
    }

    @Test func refusesSomethingThatIsNotJSON() throws {
        let error = try #require(throws: PlanDocumentError.self) { try PlanDocument.decode(Data("{ nope".utf8)) }
        #expect(error.kind == .malformed(path: ""))
        #expect(error.description.hasPrefix("plan file is not valid: not JSON"))
    }

    /// The fixture document as JSON, edited as a dictionary.
    private func edited(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(
            JSONSerialization.jsonObject(with: PlanDocument.encode(document)) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }
}
