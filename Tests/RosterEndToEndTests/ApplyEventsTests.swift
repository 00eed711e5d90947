import Foundation
import RosterTestSupport
import Testing

@Suite("Apply: --output json events")
struct ApplyEventsTests {
    @Test func everyEventLineValidatesAndTheReportIsTheLastLine() async throws {
        let space = try ApplyWorkspace()
        let org = SyntheticOrg(count: 6)
        #expect(try await space.roster("apply", [try space.manifest("org", org.manifest)]).status == 0)
        var changed = org
        changed.people[0].title = "Lead"
        changed.people.removeLast()
        let path = try space.manifest("changed", changed.manifest)
        let result = try await space.roster("apply", [path, "--output", "json"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let events = Array(lines.dropLast())
        #expect(events.count == 4, "start and finish of two steps: \(result)")
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "JSON lines: \(line)")
        }
        let report = try ApplyEventsSchema.validate(lines)
        #expect(report == ["checked \(lines.count)"], "schema errors: \(report)")
        #expect(lines.last?.contains("\"type\":\"apply_report\"") == true)
    }
}
