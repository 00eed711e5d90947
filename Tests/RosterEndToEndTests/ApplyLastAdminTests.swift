import Foundation
import Roster
import RosterModel
import RosterTestSupport
import Testing

/// The last holder of an admin role keeps it, whatever allowances are given.
@Suite("Apply: last admin")
struct ApplyLastAdminTests {
    static func manifest(bossRoles: String) -> String {
        """
        version: 1
        providers:
          corp: { type: scim, endpoint: "emulator:" }
        people:
          - { userName: boss@acme.example, givenName: Bo, familyName: Ss, accounts: { corp: { roles: \(bossRoles) } } }
          - { userName: ana@acme.example, givenName: An, familyName: A, accounts: { corp: { roles: [agent] } } }
        """
    }

    @Test func strippingTheOnlyAdminIsRefusedEvenWithEveryAllowance() async throws {
        let directory = try temporaryDirectory()
        let path = try write(Self.manifest(bossRoles: "[admin]"), to: "roster.yaml", in: directory)
        #expect(try await Workflow(options: RosterOptions(manifestPath: path)).apply(ApplyRequest()).converged)

        try write(Self.manifest(bossRoles: "[agent]"), to: "roster.yaml", in: directory)
        let every: Set<String> = ["corp:deprovision", "corp:assignment-removal", "corp:delete", "corp:lockout"]
        let error = await #expect(throws: RosterError.self) {
            try await Workflow(options: RosterOptions(manifestPath: path)).apply(ApplyRequest(allow: every))
        }
        #expect(error?.kind == .unsafePlan)
        #expect(error?.message.contains("without any active user holding an admin role") == true)
        #expect(error?.message.contains("(never allowed)") == true)
        let live = try await Workflow(options: RosterOptions(manifestPath: path)).plan().live
        #expect(
            live.providers["corp"]?.users.first { $0.value.userName == "boss@acme.example" }?.value.roles == ["admin"])
    }
}
