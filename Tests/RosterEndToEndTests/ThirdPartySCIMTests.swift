import Foundation
import Roster
import RosterModel
import RosterTestSupport
import Testing

/// The generic provider against an independent SCIM 2.0 server roster did not write (PyPI `scim2-server`).
@Suite("Third-party SCIM server", .serialized)
struct ThirdPartySCIMTests {
    static func manifest(port: Int, people: [(String, String)], members: [String]) -> String {
        var text = """
            version: 1
            providers:
              corp:
                type: scim
                endpoint: http://127.0.0.1:\(port)
                credentials: { token: { env: CORP_TOKEN } }
            people:

            """
        for (name, title) in people {
            text += """
                  - userName: \(name)@acme.example
                    givenName: \(name.capitalized)
                    familyName: Tester
                    email: \(name)@acme.example
                    title: \(title)
                    accounts: { corp: { roles: [agent] } }

                """
        }
        text +=
            "groups:\n  - name: Sales\n    on: [corp]\n    members: [\(members.map { "\($0)@acme.example" }.joined(separator: ", "))]\n"
        return text
    }

    @Test func planApplyPlanConvergesAndPrunesWhatRosterOwns() async throws {
        let port = ExternalProcess.freePort()
        let server = try ExternalProcess(
            "scim2-server", ["--hostname", "127.0.0.1", "--port", "\(port)", "--bearer-token", "t0ken"])
        defer { server.stop() }
        try await ExternalProcess.waitForPort(port)
        let directory = try temporaryDirectory()
        let path = try write(
            Self.manifest(
                port: port, people: [("ana", "Agent"), ("bob", "Agent"), ("cy", "Lead")], members: ["ana", "bob"]),
            to: "roster.yaml", in: directory)
        let workflow = Workflow(options: RosterOptions(manifestPath: path, environment: ["CORP_TOKEN": "t0ken"]))

        let first = try await workflow.plan().plan
        #expect(first.steps.map(\.action).filter { $0 == .create }.count == 4)
        let report = try await workflow.apply(ApplyRequest())
        #expect(report.converged)
        #expect(try await workflow.plan().plan.isEmpty)

        try write(
            Self.manifest(port: port, people: [("ana", "Senior Agent"), ("cy", "Lead")], members: ["ana", "cy"]),
            to: "roster.yaml", in: directory)
        let second = try await workflow.plan().plan
        #expect(
            second.steps.map(\.id).sorted() == [
                "add:corp.membership[\"Sales\",\"cy@acme.example\"]", "deactivate:corp.user[\"bob@acme.example\"]",
                "remove:corp.membership[\"Sales\",\"bob@acme.example\"]", "update:corp.user[\"ana@acme.example\"]",
            ])
        #expect(try await workflow.apply(ApplyRequest()).converged)
        #expect(try await workflow.plan().plan.isEmpty)
    }

    @Test func aWrongTokenFailsAtFetchNamingTheProvider() async throws {
        let port = ExternalProcess.freePort()
        let server = try ExternalProcess(
            "scim2-server", ["--hostname", "127.0.0.1", "--port", "\(port)", "--bearer-token", "right"])
        defer { server.stop() }
        try await ExternalProcess.waitForPort(port)
        let path = try write(
            Self.manifest(port: port, people: [("ana", "A")], members: []), to: "r.yaml", in: try temporaryDirectory())
        let workflow = Workflow(options: RosterOptions(manifestPath: path, environment: ["CORP_TOKEN": "wrong"]))
        let error = await #expect(throws: RosterError.self) { try await workflow.plan() }
        #expect(error?.kind == .fetch)
        #expect(error?.message.contains("corp: GET /Users answered 401") == true)
        #expect(error?.message.contains("wrong") == false)
    }

    @Test func anUnreachableEndpointNamesTheProvider() async throws {
        let port = ExternalProcess.freePort()
        let path = try write(
            Self.manifest(port: port, people: [("ana", "A")], members: []), to: "r.yaml", in: try temporaryDirectory())
        let workflow = Workflow(
            options: RosterOptions(manifestPath: path, environment: ["CORP_TOKEN": "x"], timeoutSeconds: 5))
        let error = await #expect(throws: RosterError.self) { try await workflow.plan() }
        #expect(error?.kind == .fetch)
        #expect(error?.message.contains("corp: GET /") == true)
        #expect(error?.message.contains("unreachable") == true)
    }

    @Test func aMissingCredentialFailsBeforeAnyRequestWithTheVariableName() async throws {
        let path = try write(
            Self.manifest(port: 9, people: [("ana", "A")], members: []), to: "r.yaml", in: try temporaryDirectory())
        let workflow = Workflow(options: RosterOptions(manifestPath: path, environment: [:]))
        let error = await #expect(throws: RosterError.self) { try await workflow.plan() }
        #expect(error?.kind == .credentials)
        #expect(error?.message.contains("environment variable CORP_TOKEN is not set") == true)
    }
}
