import Foundation
import RosterModel
import RosterRender
import Testing

/// The drift report: each plan step and each undeclared live object lands in exactly one kind of drift.
@Suite struct DriftReportTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let desired = DesiredState(
        providers: [ProviderConfig(name: "corp", type: .scim)],
        resources: [
            "corp": ProviderResources(
                users: [
                    User(userName: "ana@x.example"), User(userName: "ben@x.example"), User(userName: "gone@x.example"),
                ],
                groups: [Group(name: "Support", members: ["ana@x.example", "ben@x.example", "gone@x.example"])])
        ])

    static let live = LiveState(providers: [
        "corp": LiveResources(
            users: [
                LiveObject(id: "1", value: User(userName: "ana@x.example", externalId: "roster:ana@x.example")),
                LiveObject(id: "2", value: User(userName: "ben@x.example", externalId: "roster:ben@x.example")),
                LiveObject(id: "3", value: User(userName: "old@x.example", externalId: "roster:old@x.example")),
                LiveObject(id: "4", value: User(userName: "Stranger@x.example", active: false)),
            ],
            groups: [
                LiveObject(
                    id: "g1", value: Group(name: "Support", externalId: "roster:support", members: ["ana@x.example"])),
                LiveObject(id: "g2", value: Group(name: "Legacy", members: ["stranger@x.example"])),
            ])
    ])

    static let plan = Plan(
        steps: [
            PlanStep(
                address: .user("corp", "ana@x.example"), action: .update,
                changes: [AttributeChange(name: "title", before: .string("Hacker"), after: .string("Agent"))],
                reason: "differs from the manifests"),
            PlanStep(address: .user("corp", "gone@x.example"), action: .create, reason: "in the manifests"),
            PlanStep(
                address: .membership("corp", group: "Support", user: "ben@x.example"), action: .add, reason: "member"),
            PlanStep(
                address: .membership("corp", group: "Support", user: "gone@x.example"), action: .add, reason: "member"),
            PlanStep(
                address: .user("corp", "old@x.example"), action: .deactivate,
                reason: "not in the manifests and owned by roster (prune: owned)"),
        ],
        providers: [ProviderSummary(name: "corp", type: .scim, pace: Pace(requestsPerSecond: 10, concurrency: 1))])

    @Test func everyStepLandsInOneKind() {
        let report = DriftReport(plan: Self.plan, live: Self.live, desired: Self.desired, createdAt: Self.now)
        #expect(
            report.changed.map(\.address) == [
                #"corp.user["ana@x.example"]"#, #"corp.membership["Support","ben@x.example"]"#,
            ])
        #expect(
            report.missing.map(\.address) == [
                #"corp.user["gone@x.example"]"#, #"corp.membership["Support","gone@x.example"]"#,
            ])
        #expect(report.orphaned.map(\.address) == [#"corp.user["old@x.example"]"#])
        #expect(report.unmanaged.map(\.name) == ["Stranger@x.example", "Legacy"])
        #expect(report.unmanaged.allSatisfy { !$0.new } && !report.hasBaseline)
        #expect(report.hasDrift)
        #expect(report.providers.map(\.changed) == [2] && report.providers.map(\.unmanaged) == [2])
        #expect(report.changed[0].changes.first?.before == .string("Hacker"))
    }

    @Test func aBaselineMarksOnlyUnmanagedObjectsItDidNotHaveAsNew() throws {
        var older = DriftReport(plan: Plan(), live: Self.live, desired: Self.desired, createdAt: Self.now)
        older.unmanaged.removeAll { $0.name == "Legacy" }
        let baseline = try DriftReport.decode(DriftReport.encode(older))
        let report = DriftReport(
            plan: Self.plan, live: Self.live, desired: Self.desired, createdAt: Self.now, baseline: baseline)
        #expect(report.hasBaseline)
        #expect(report.unmanaged.filter(\.new).map(\.name) == ["Legacy"])
        #expect(report.providers.first?.new == 1)
        let text = DriftRenderer().render(report)
        #expect(
            text.contains(
                "New unmanaged objects since the baseline (not in the manifests; left alone): 1\n  corp group \"Legacy\""
            ))
        #expect(text.hasSuffix("Drift: 2 changed, 2 missing, 1 orphaned; 2 unmanaged (1 new).\n"))
    }

    @Test func aConvergedProviderHasNoDriftButStillListsUnmanagedObjects() {
        let report = DriftReport(plan: Plan(), live: Self.live, desired: Self.desired, createdAt: Self.now)
        #expect(!report.hasDrift)
        #expect(report.unmanaged.map(\.name) == ["Stranger@x.example", "Legacy"])  // old@ is roster's own
    }

    @Test func theTextSeparatesManagedDriftFromUnmanagedObjects() throws {
        let text = DriftRenderer().render(
            DriftReport(plan: Self.plan, live: Self.live, desired: Self.desired, createdAt: Self.now))
        let changed = try #require(text.range(of: "Changed outside roster on managed objects"))
        let unmanaged = try #require(text.range(of: "Unmanaged objects (not in the manifests; left alone): 2"))
        #expect(changed.lowerBound < unmanaged.lowerBound)
        #expect(text.contains("~ corp user \"ana@x.example\"\n      title: \"Hacker\" (live) -> \"Agent\" (manifests)"))
        #expect(text.contains("corp user \"Stranger@x.example\" (id 4, inactive)"))
    }

    @Test func theJSONIsVersionedAndRoundTrips() throws {
        let report = DriftReport(plan: Self.plan, live: Self.live, desired: Self.desired, createdAt: Self.now)
        let data = DriftReport.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format_version"] as? Int == 1)
        #expect(object["created_at"] as? String == "2027-01-15T08:00:00Z")
        #expect(try DriftReport.decode(data) == report)
    }

    @Test func theMarkdownCarriesTheMarkerAndMasksPersonalData() {
        let report = DriftReport(plan: Self.plan, live: Self.live, desired: Self.desired, createdAt: Self.now)
        let text = DriftRenderer(maskPII: true).markdown(report)
        #expect(text.hasPrefix(DriftRenderer.issueMarker + "\n"))
        #expect(text.contains("| corp | scim | 2 | 2 | 1 | 2 |"))
        #expect(!text.contains("Hacker"))
        #expect(text.contains("title: (masked) (live) -> (masked) (manifests)"))
    }
}
