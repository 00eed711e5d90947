import Clocks
import Foundation
import HTTPTypes
import RosterModel
import RosterProviders
import Synchronization
import Testing

/// One fault name and what roster must make of it.
struct FaultCase: Sendable, CustomTestStringConvertible {
    var name: String
    var reason: Five9Fault.Reason
    var kind: ProviderError.Kind
    var retryable: Bool

    var testDescription: String { name }

    static let all: [FaultCase] = [
        FaultCase(name: "UserAlreadyExistsFault", reason: .alreadyExists, kind: .permanent, retryable: false),
        FaultCase(name: "SkillAlreadyExistsFault", reason: .alreadyExists, kind: .permanent, retryable: false),
        FaultCase(name: "ObjectAlreadyExistsFault", reason: .alreadyExists, kind: .permanent, retryable: false),
        FaultCase(name: "UserAlreadyHasSkillFault", reason: .alreadyExists, kind: .permanent, retryable: false),
        FaultCase(name: "UserNotFoundFault", reason: .notFound, kind: .permanent, retryable: false),
        FaultCase(name: "SkillNotFoundFault", reason: .notFound, kind: .permanent, retryable: false),
        FaultCase(name: "ObjectNotFoundFault", reason: .notFound, kind: .permanent, retryable: false),
        FaultCase(name: "UserDoesntHaveSkillFault", reason: .notFound, kind: .permanent, retryable: false),
        FaultCase(name: "OperationsLimitExceededFault", reason: .operationsLimit, kind: .rateLimited, retryable: true),
        FaultCase(name: "UserAlreadyLoggedInFault", reason: .concurrentRequest, kind: .transient, retryable: true),
        FaultCase(name: "SessionClosedFault", reason: .concurrentRequest, kind: .transient, retryable: true),
        FaultCase(name: "ConcurrentModificationFault", reason: .busy, kind: .transient, retryable: true),
        FaultCase(name: "ServiceUnavailableFault", reason: .unavailable, kind: .transient, retryable: true),
        FaultCase(name: "AccessDisallowedFault", reason: .forbidden, kind: .unauthorized, retryable: false),
        FaultCase(name: "UserHasNoRequiredRoleFault", reason: .rejected, kind: .permanent, retryable: false),
        FaultCase(name: "InvalidUserDataFault", reason: .rejected, kind: .permanent, retryable: false),
    ]
}

@Suite("Five9 SOAP faults")
struct Five9FaultTests {
    @Test(arguments: FaultCase.all)
    func faultNamesMapToReasonsAndKinds(_ c: FaultCase) {
        let fault = Five9Fault(name: c.name, message: "m")
        #expect(fault.reason == c.reason)
        #expect(fault.kind == c.kind)
        #expect(fault.isRetryable == c.retryable)
    }

    @Test func readsTheObservedSkillNotFoundFault() async throws {
        // five9.md §1.7: the one real fault sample, as five9tools printed it.
        let transport = SOAPScript { _ in
            soapFault("SkillNotFoundFault", "Skill &quot;ffff&quot; doesn't exist.", [("skillName", "ffff")])
        }
        let error = await #expect(throws: Five9Fault.self) { try await five9Client(transport).deleteSkill("ffff") }
        #expect(error?.name == "SkillNotFoundFault")
        #expect(error?.message == "Skill \"ffff\" doesn't exist.")
        #expect(error?.fields == ["skillName": "ffff"])
        #expect(error?.operation == "deleteSkill")
    }

    @Test func providerErrorsNameTheObjectAndTheFaultAndHowToFixIt() async throws {
        let transport = SOAPScript { request in
            switch request.operation {
            case "getUsersInfo": soapResponse("getUsersInfo", userReturn("ana@acme.example", roles: ["reporting"]))
            case "getAgentGroups": soapResponse("getAgentGroups", "<return><id>1</id><name>Tier1</name></return>")
            case "getSkills": soapResponse("getSkills")
            default:
                soapFault(
                    "UserHasNoRequiredRoleFault", "User ana@acme.example has no required role",
                    [("roles", "Agent"), ("userName", "ana@acme.example")])
            }
        }
        let provider = Five9Provider(name: "five9", soap: five9Client(transport))
        _ = try await provider.fetch()
        let step = PlanStep(
            address: .membership("five9", group: "Tier1", user: "ana@acme.example"), action: .add, reason: "t")
        let error = await #expect(throws: ProviderError.self) { try await provider.apply(step) }
        #expect(error?.kind == .permanent)
        #expect(
            error?.description
                == "five9: modifyAgentGroup for 'ana@acme.example' in agent group 'Tier1' failed: UserHasNoRequiredRoleFault: User ana@acme.example has no required role (agent-group members need the agent or supervisor role)"
        )
    }

    @Test func a401HTMLPageIsUnauthorizedAndNeverShowsTheCredentials() async throws {
        let transport = SOAPScript { _ in (401, "<html><body>JBoss Web/7.5.3.Final - Error report</body></html>") }
        let error = await #expect(throws: ProviderError.self) { try await five9Client(transport).skills() }
        #expect(error?.kind == .unauthorized)
        #expect(error?.status == 401)
        for text in [error?.description ?? "", error?.vendorDetail ?? "", String(describing: error)] {
            #expect(!text.contains("pa55"))
            #expect(!text.contains(Data("api-admin:pa55&<word>".utf8).base64EncodedString()))
        }
    }

    @Test func aGatewayPageIsTransientAndAGarbledAnswerIsMalformed() async throws {
        let gateway = SOAPScript { _ in (502, "<html>Bad Gateway</html>") }
        let noRetry = RetryPolicy(maxAttempts: 1)
        let error = await #expect(throws: ProviderError.self) {
            try await five9Client(gateway, retry: noRetry).skills()
        }
        #expect(error?.kind == .transient)
        let garbled = SOAPScript { _ in (200, "{\"not\": \"xml\"}") }
        let malformed = await #expect(throws: ProviderError.self) { try await five9Client(garbled).skills() }
        #expect(malformed?.kind == .malformed)
        let wrong = SOAPScript { _ in soapResponse("getUsersInfo") }
        let mismatch = await #expect(throws: ProviderError.self) { try await five9Client(wrong).skills() }
        #expect(mismatch?.message == "getSkills answered with <getUsersInfoResponse>, not <getSkillsResponse>")
    }

    @Test(arguments: ["UserAlreadyLoggedInFault", "ConcurrentModificationFault", "ServiceUnavailableFault"])
    func retryableFaultsAreRetriedAfterAPause(_ name: String) async throws {
        let calls = Mutex(0)
        let transport = SOAPScript { _ in
            let n = calls.withLock {
                $0 += 1
                return $0
            }
            return n < 3 ? soapFault(name, "later") : soapResponse("deleteSkill")
        }
        try await five9Client(transport).deleteSkill("Sales")
        #expect(transport.operations == ["deleteSkill", "deleteSkill", "deleteSkill"])
    }

    @Test func retryableFaultsGiveUpAfterTheAttemptCap() async throws {
        let transport = SOAPScript { _ in soapFault("ConcurrentModificationFault", "busy") }
        let client = five9Client(transport, retry: RetryPolicy(maxAttempts: 3, baseDelay: .zero))
        let error = await #expect(throws: Five9Fault.self) { try await client.deleteSkill("Sales") }
        #expect(error?.kind == .transient)
        #expect(transport.requests.count == 3)
    }

    @Test func anOperationsLimitFaultWaitsForItsWindowThenRetries() async throws {
        let clock = TestClock()
        let calls = Mutex(0)
        let transport = SOAPScript { _ in
            let n = calls.withLock {
                $0 += 1
                return $0
            }
            return n == 1
                ? soapFault("OperationsLimitExceededFault", "limit", [("limit", "140"), ("operationType", "Modify")])
                : soapResponse("deleteSkill")
        }
        let client = five9Client(transport, clock: clock)
        let noticed = Mutex(false)
        let task = Task {
            try await RequestContext.$current.withValue(StepContext { _ in noticed.withLock { $0 = true } }) {
                try await client.deleteSkill("Sales")
            }
        }
        while !noticed.withLock({ $0 }) { await Task.yield() }
        await clock.advance(by: .seconds(59))
        #expect(transport.requests.count == 1)
        await clock.advance(by: .seconds(1))
        try await task.value
        #expect(transport.requests.count == 2)
    }

    @Test func aSpentDailyCounterIsNotWaitedFor() async throws {
        let transport = SOAPScript { _ in
            soapFault("OperationsLimitExceededFault", "limit", [("limit", "172800"), ("operationType", "Query")])
        }
        let error = await #expect(throws: Five9Fault.self) { try await five9Client(transport).skills() }
        #expect(error?.kind == .rateLimited)
        #expect(transport.requests.count == 1)
    }

    @Test func queriesAreResentAfterALostAnswerButModifiesAreNot() async throws {
        let calls = Mutex(0)
        let transport = SOAPScript { request in
            let n = calls.withLock {
                $0 += 1
                return $0
            }
            if n == 1 { throw TransportError(.connectionLost, "dropped") }
            return soapResponse(request.operation)
        }
        _ = try await five9Client(transport).skills()
        #expect(transport.requests.count == 2)
        calls.withLock { $0 = 0 }
        await #expect(throws: TransportError.self) { try await five9Client(transport).deleteSkill("Sales") }
    }
}
