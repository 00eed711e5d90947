import Foundation
import RosterModel
import RosterRender

/// Hand-built plans for the renderer tests: one with every action, the empty plan, and a 5,000-step plan.
enum PlanFixtures {
    /// 2026-01-01T00:00:00Z.
    static let metadata = PlanDocument.Metadata(
        rosterVersion: "0.1.0", createdAt: Date(timeIntervalSince1970: 1_767_225_600),
        manifestDigest: "sha256:3f1c9a0e")

    /// A plan with every action, a diagnostic of each severity, a violation, and an empty provider.
    static var everyAction: Plan {
        Plan(
            steps: corpSteps + five9Steps + x8Steps,
            providers: [corpSummary, five9Summary, x8Summary, talkSummary],
            diagnostics: diagnostics, violations: [deprovisionViolation])
    }

    /// Nothing to do, with two providers that hold unmanaged users.
    static var empty: Plan {
        Plan(providers: [
            ProviderSummary(
                name: "corp", type: .scim, unmanagedUsers: 12, liveUsers: 40,
                pace: Pace(requestsPerSecond: 10, concurrency: 4)),
            ProviderSummary(
                name: "talk", type: .talkdesk, liveUsers: 3, pace: Pace(requestsPerSecond: 4, concurrency: 1)),
        ])
    }

    static let ana = User(
        userName: "ana@acme.example", externalId: "roster:ana@acme.example",
        attributes: [
            "displayName": .string("Ana Lima"), "email": .string("ana@acme.example"), "givenName": .string("Ana"),
            "familyName": .string("Lima"), "title": .string("Agent"), "roles": .list(["agent"]),
        ], origin: SourceLocation(file: "people.yaml", line: 3, column: 5))

    static var corpSteps: [PlanStep] {
        let createAna = PlanStep(
            address: .user("corp", "ana@acme.example"), action: .create,
            changes: [
                change("displayName", nil, .string("Ana Lima")), change("email", nil, .string("ana@acme.example")),
                change("roles", nil, .list(["agent"])), change("title", nil, .string("Agent")),
            ],
            method: "POST", reason: "declared in the manifests, missing on corp", user: ana,
            origin: SourceLocation(file: "people.yaml", line: 3, column: 5))
        let createGroup = PlanStep(
            address: .group("corp", "Sales Team"), action: .create,
            changes: [change("members", nil, .list(["ana@acme.example"]))], reason: "declared in the manifests",
            group: Group(name: "Sales Team", externalId: "roster:sales team", members: ["ana@acme.example"]))
        return [
            createAna, createGroup,
            PlanStep(
                address: .user("corp", "bob@acme.example"), action: .update,
                changes: [change("title", .string("Agent"), .string("Senior Agent"))], method: "PATCH",
                reason: "attributes differ", liveID: "u-2", fingerprint: "0a1b2c3d4e5f6a7b",
                user: User(userName: "bob@acme.example", attributes: ["title": .string("Senior Agent")])),
            PlanStep(
                address: .user("corp", "carol@acme.example"), action: .reactivate,
                changes: [change("active", .bool(false), .bool(true))],
                reason: "declared again; reactivated instead of creating a duplicate", liveID: "u-3",
                user: User(userName: "carol@acme.example")),
            PlanStep(
                address: .membership("corp", group: "Sales Team", user: "ana@acme.example"), action: .add,
                reason: "listed in members", dependsOn: [createAna.id, createGroup.id]),
            PlanStep(
                address: .membership("corp", group: "Sales Team", user: "old@acme.example"), action: .remove,
                reason: "no longer listed in members", liveID: "g-1"),
            PlanStep(
                address: .user("corp", "old@acme.example"), action: .deactivate,
                changes: [change("active", .bool(true), .bool(false))],
                reason: "not in the manifests and owned by roster (prune: owned)",
                dependsOn: [#"remove:corp.membership["Sales Team","old@acme.example"]"#], liveID: "u-4"),
            PlanStep(
                address: .user("corp", "gone@acme.example"), action: .delete,
                reason: "not in the manifests (prune: all, deprovision: delete)", liveID: "u-5"),
        ]
    }

    static var five9Steps: [PlanStep] {
        [
            PlanStep(address: .skill("five9", "Billing"), action: .create, reason: "declared in skills"),
            PlanStep(
                address: .userSkill("five9", user: "ana@acme.example", skill: "Billing"), action: .add,
                reason: "assigned in the manifests", dependsOn: [#"create:five9.skill["Billing"]"#], level: 3),
            PlanStep(
                address: .userSkill("five9", user: "bob@acme.example", skill: "Sales"), action: .modify,
                changes: [change("level", .int(2), .int(4))], reason: "level differs", level: 4),
            PlanStep(
                address: .userSkill("five9", user: "old@acme.example", skill: "Spanish"), action: .remove,
                reason: "not assigned in the manifests", level: 1),
        ]
    }

    static var x8Steps: [PlanStep] {
        [
            PlanStep(
                address: .user("x8", "dave@acme.example"), action: .update,
                changes: [
                    change("department", .string("Support"), .string("Sales")),
                    change("phone", .string("+1 555 0100"), nil),
                ],
                method: "GET+PUT",
                methodReason: "8x8 PATCH can only change active; the full object is fetched and PUT back",
                reason: "attributes differ", liveID: "x-1", estimatedCalls: 2),
            PlanStep(
                address: .user("x8", "jdoe"), action: .manual,
                changes: [change("site", .string("Boston"), .string("Denver"))],
                reason: "8x8 site is write-once through the API; change it in the 8x8 Admin Console", liveID: "x-2",
                estimatedCalls: 0),
        ]
    }

    static let corpSummary = ProviderSummary(
        name: "corp", type: .scim,
        counts: [.create: 2, .update: 1, .reactivate: 1, .add: 1, .remove: 1, .deactivate: 1, .delete: 1],
        unmanagedUsers: 12, unmanagedGroups: 2, liveUsers: 40, estimatedCalls: 8, estimatedSeconds: 0.8,
        pace: Pace(requestsPerSecond: 10, concurrency: 4))
    static let five9Summary = ProviderSummary(
        name: "five9", type: .five9, counts: [.create: 1, .add: 1, .modify: 1, .remove: 1], liveUsers: 20,
        estimatedCalls: 4, estimatedSeconds: 200,
        pace: Pace(requestsPerSecond: 0.5, concurrency: 1, spacing: [.userSkill: 2]))
    static let x8Summary = ProviderSummary(
        name: "x8", type: .eightByEight, counts: [.update: 1, .manual: 1], unmanagedUsers: 1, liveUsers: 5,
        estimatedCalls: 2, estimatedSeconds: 0.5, pace: Pace(requestsPerSecond: 4, concurrency: 1))
    static let talkSummary = ProviderSummary(
        name: "talk", type: .talkdesk, unmanagedUsers: 3, liveUsers: 3, pace: Pace(requestsPerSecond: 4, concurrency: 1)
    )

    static let diagnostics = [
        Diagnostic.error(
            "missing-group", #"group "Support" does not exist on genesys and cannot be created through SCIM"#,
            at: SourceLocation(file: "groups.yaml", line: 40, column: 7),
            hint: "create the group in Genesys Cloud first, or remove genesys from its `on:` list",
            related: [SourceLocation(file: "roster.yaml", line: 9, column: 3)]),
        Diagnostic.warning("no-accounts", #"person "eve@acme.example" has no accounts"#, at: nil),
    ]

    static let deprovisionViolation = SafetyViolation(
        provider: "corp", kind: .deprovision, count: 2, population: 5, limit: 0.1,
        message: "would deprovision 2 of 5 users (40%), over the 10% limit")

    static func change(_ name: String, _ before: AttributeValue?, _ after: AttributeValue?) -> AttributeChange {
        AttributeChange(name: name, before: before, after: after)
    }
}
