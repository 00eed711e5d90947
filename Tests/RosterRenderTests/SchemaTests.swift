import Foundation
import RosterModel
import RosterRender
import Testing

/// The schemas describe exactly what roster writes: goldens pass, and a document they do not describe fails.
@Suite(.enabled(if: JSONSchemaCheck.python3 != nil, "python3 is not installed"))
struct SchemaTests {
    @Test func planGoldensMatchThePlanSchema() throws {
        let instances = try ["plan.json", "empty-plan.json"].map(GoldenFile.read)
        #expect(try JSONSchemaCheck.errors(schema: "plan.v1.schema.json", instances: instances) == [])
    }

    @Test func aFiveThousandStepPlanMatchesThePlanSchema() throws {
        let data = PlanDocument.encode(PlanDocument(plan: PlanFixtures.large, metadata: PlanFixtures.metadata))
        #expect(try JSONSchemaCheck.errors(schema: "plan.v1.schema.json", instances: [data]) == [])
    }

    @Test func thePlanSchemaRejectsWhatRosterDoesNotWrite() throws {
        var object = try #require(JSONSerialization.jsonObject(with: GoldenFile.read("plan.json")) as? [String: Any])
        object["format_version"] = 2
        object["surprise"] = true
        let errors = try JSONSchemaCheck.errors(
            schema: "plan.v1.schema.json", instances: [JSONSerialization.data(withJSONObject: object)])
        #expect(errors.count == 2)
    }

    @Test func eventGoldensMatchTheEventSchema() throws {
        let lines = String(decoding: try GoldenFile.read("apply-events.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 9)
        let errors = try JSONSchemaCheck.errors(
            schema: "apply-events.v1.schema.json", instances: lines.map { Data($0.utf8) })
        #expect(errors == [])
    }

    @Test func theEventSchemaRejectsAnUnknownType() throws {
        let line = #"{"at":"2026-01-01T00:00:00.000Z","provider":"corp","reason":"x","type":"provider_paused"}"#
        let errors = try JSONSchemaCheck.errors(schema: "apply-events.v1.schema.json", instances: [Data(line.utf8)])
        #expect(errors.count == 1)
    }
}
