import Clocks
import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Five9 SOAP: call counters, one request in flight, pacing, injected faults")
struct Five9LimitsTests {
    static let limitsSeed = #"""
        {"vendor": {"skills": [{"name": "Sales"}],
         "admins": [{"userName": "admin", "password": "admin-password"}, {"userName": "api2", "password": "pw2"}],
         "limits": {"query": {"perMinute": 3, "perHour": 5, "perDay": 6}, "modify": {"perMinute": 2}}}}
        """#

    @Test func queryCallsAreCountedPerCalendarMinuteHourAndDay() async throws {
        let clock = TestClock()
        let client = try Five9TestClient(seed: Self.limitsSeed, clock: clock)
        for _ in 1...3 { #expect(await client.call("getSkills").status == 200) }
        let limited = await client.call("getSkills")
        #expect(limited.fault == "OperationsLimitExceededFault")
        #expect(limited.faultDetail?.children.map(\.name) == ["limit", "message", "operationType"])
        #expect(limited.faultDetail?["limit"] == "3")
        #expect(limited.faultDetail?["operationType"] == "Query")
        #expect(await client.call("createSkill", "<skillInfo><skill><name>A</name></skill></skillInfo>").status == 200)
        await clock.advance(by: .seconds(60))
        for _ in 1...2 { #expect(await client.call("getSkills").status == 200) }
        #expect(await client.call("getSkills").faultDetail?["limit"] == "5")
        await clock.advance(by: .seconds(3_600))
        #expect(await client.call("getSkills").status == 200)
        #expect(await client.call("getSkills").faultDetail?["limit"] == "6")
        // fixedNow is 16:00 in Los Angeles: the day window turns at local midnight, eight hours later.
        await clock.advance(by: .seconds(7 * 3_600 - 61))
        #expect(await client.call("getSkills").fault == "OperationsLimitExceededFault")
        await clock.advance(by: .seconds(61))
        #expect(await client.call("getSkills").status == 200)
        #expect(await client.emulator.stats.faults("OperationsLimitExceededFault") == 4)
    }

    @Test func windowsAreAlignedToTheClockNotToTheFirstCall() async throws {
        let clock = TestClock()
        let client = try Five9TestClient(seed: Self.limitsSeed, clock: clock)
        await clock.advance(by: .seconds(59))
        for _ in 1...3 { #expect(await client.call("getSkills").status == 200) }
        await clock.advance(by: .seconds(1))
        #expect(await client.call("getSkills").status == 200)
    }

    @Test func modifyCallsHaveTheirOwnCounterAndRefusedCallsDoNotCount() async throws {
        let client = try Five9TestClient(seed: Self.limitsSeed)
        #expect(await client.call("createSkill", "<skillInfo><skill><name>A</name></skill></skillInfo>").status == 200)
        #expect(await client.call("deleteSkill", "<skillName>Nope</skillName>").fault == "SkillNotFoundFault")
        let limited = await client.call("createSkill", "<skillInfo><skill><name>B</name></skill></skillInfo>")
        #expect(limited.faultDetail?["operationType"] == "Modify")
        #expect(await client.emulator.skills().map(\.name) == ["Sales", "A"])
        #expect(await client.emulator.callCount("Modify", windowSeconds: 60) == 2)
        #expect(await client.call("getSkills").status == 200)
    }

    @Test func callCountersStateReportsEveryWindowAndIsNotCounted() async throws {
        let client = try Five9TestClient(seed: Self.limitsSeed)
        _ = await client.call("getSkills")
        _ = await client.call("createSkill", "<skillInfo><skill><name>A</name></skill></skillInfo>")
        let state = await client.call("getCallCountersState")
        let windows = state.returns
        #expect(windows.map { $0["timeout"] } == ["60", "3600", "86400"])
        let minute = try #require(windows.first).children("callCounterStates")
        #expect(minute.map { $0["operationType"] } == ["Query", "Modify"])
        #expect(minute.map { $0["value"] } == ["1", "1"])
        #expect(minute.map { $0["limit"] } == ["3", "2"])
        #expect(windows[1].children("callCounterStates").first?["limit"] == "5")
        _ = await client.call("getCallCountersState")
        #expect(await client.emulator.callCount("Query", windowSeconds: 60) == 1)
    }

    @Test(arguments: [("credential", 3), ("domain", 0)])
    func countersArePerCredentialOrPerDomain(scope: String, secondAdminCalls: Int) async throws {
        let seed = Self.limitsSeed.replacingOccurrences(of: #""modify""#, with: #""scope": "\#(scope)", "modify""#)
        let client = try Five9TestClient(seed: seed)
        for _ in 1...3 { #expect(await client.call("getSkills").status == 200) }
        let other = client.with(user: "api2", password: "pw2")
        var admitted = 0
        for _ in 1...3 where await other.call("getSkills").status == 200 { admitted += 1 }
        #expect(admitted == secondAdminCalls)
    }

    @Test func aSecondConcurrentRequestWithTheSameCredentialsIsRefused() async throws {
        let clock = TestClock()
        let seed = Self.limitsSeed.replacingOccurrences(of: #""perMinute": 3"#, with: #""perMinute": 300"#)
        let client = try Five9TestClient(
            seed: seed, clock: clock, faults: [.latency(.seconds(5), pathPrefix: "/getSkills")])
        let first = Task { await client.call("getSkills") }
        try await waitUntilSleeping(clock)
        let refused = await client.call("getSkill", "<skillName>Sales</skillName>")
        #expect(refused.fault == "UserAlreadyLoggedInFault")
        #expect(refused.faultString?.contains("\"admin\"") == true)
        let other = await client.with(user: "api2", password: "pw2").call("getSkill", "<skillName>Sales</skillName>")
        #expect(other.status == 200)
        await clock.advance(by: .seconds(5))
        #expect(await first.value.status == 200)
        #expect(await client.call("getSkill", "<skillName>Sales</skillName>").status == 200)
        let stats = await client.emulator.stats
        #expect(stats.maxRequestsInFlight == 2)
        #expect(stats.faults("UserAlreadyLoggedInFault") == 1)
    }

    @Test func theOneInFlightRuleCanBeSwitchedOff() async throws {
        let clock = TestClock()
        let seed = #"{"vendor": {"limits": {"oneRequestPerCredential": false}}}"#
        let client = try Five9TestClient(
            seed: seed, clock: clock, faults: [.latency(.seconds(5), pathPrefix: "/getSkills")])
        let first = Task { await client.call("getSkills") }
        try await waitUntilSleeping(clock)
        #expect(await client.call("getApiVersions").status == 200)
        await clock.advance(by: .seconds(5))
        #expect(await first.value.status == 200)
    }

    @Test func skillMembershipChangesAreTimedAndCanBeSpacedApart() async throws {
        let clock = TestClock()
        let seed = #"""
            {"vendor": {"skills": [{"name": "Sales"}, {"name": "Billing"}],
             "users": [{"userName": "ana", "roles": ["agent"]}], "limits": {"userSkillSpacingSeconds": 3}}}
            """#
        let client = try Five9TestClient(seed: seed, clock: clock)
        let add = { (skill: String) in
            await client.call("userSkillAdd", Five9CatalogTests.userSkill("ana", skill))
        }
        #expect(await add("Sales").status == 200)
        await clock.advance(by: .seconds(2))
        let tooSoon = await add("Billing")
        #expect(tooSoon.fault == "ExecutionRestrictionFault")
        await clock.advance(by: .seconds(1))
        #expect(await add("Billing").status == 200)
        let stats = await client.emulator.stats
        #expect(stats.skillChangeTimes == [.zero, .seconds(3)])
        #expect(stats.minimumSkillChangeSpacing == .seconds(3))
    }

    @Test(
        arguments: [
            (500, "ServerFault", nil), (503, "ServiceUnavailableFault", nil), (429, nil, "7"), (502, nil, nil),
        ] as [(Int, String?, String?)])
    func injectedStatusesNeverTouchTheDomain(code: Int, fault: String?, retryAfter: String?) async throws {
        let rule = FaultRule.status(
            code, retryAfter: retryAfter.flatMap { Int($0) }, times: 1, pathPrefix: "/createSkill")
        let client = try Five9TestClient(faults: [rule])
        let answer = await client.call("createSkill", "<skillInfo><skill><name>New</name></skill></skillInfo>")
        #expect(answer.status == code)
        #expect(answer.fault == fault)
        #expect(answer.headers[.retryAfter] == retryAfter)
        if fault == nil { #expect(answer.text.contains("HTTP Status \(code)")) }
        #expect(await client.emulator.skills().count == 2)
        #expect(
            await client.call("createSkill", "<skillInfo><skill><name>New</name></skill></skillInfo>").status == 200)
        #expect(await client.emulator.stats.injectedFaults == 1)
    }

    @Test func aLostCreateResponseIsCommittedAndFoundByALookup() async throws {
        let client = try Five9TestClient(faults: [.dropResponse(times: 1, pathPrefix: "/createUser")])
        let lost = await client.call("createUser", createUserBody("lost@x"))
        #expect(lost.dropConnection)
        #expect(await client.usersInfo("lost@x").returns.count == 1)
        #expect(await client.call("createUser", createUserBody("lost@x")).fault == "UserAlreadyExistsFault")
        #expect(await client.emulator.users().filter { $0.userName == "lost@x" }.count == 1)
        #expect(await client.emulator.stats.droppedResponses == 1)
    }

    @Test func faultsCanBeInjectedAtRunTimeForOneOperationFamily() async throws {
        let client = try Five9TestClient()
        await client.emulator.inject(.status(503, times: 2, pathPrefix: "/userSkill"))
        let body = Five9CatalogTests.userSkill("sam@acme.example", "Sales")
        #expect(await client.call("getSkills").status == 200)
        #expect(await client.call("userSkillAdd", body).status == 503)
        #expect(await client.call("userSkillRemove", body).status == 503)
        #expect(await client.call("userSkillAdd", body).status == 200)
        await client.emulator.inject(FaultRule(.status(500, retryAfter: nil)))
        #expect(await client.call("getSkills").status == 500)
        await client.emulator.clearFaults()
        #expect(await client.call("getSkills").status == 200)
    }

    @Test func documentedLimitsAreTheDefaults() {
        let limits = Five9CallCounters.Limits.documented
        #expect(limits.limit(.query, .minute) == 450)
        #expect(limits.limit(.query, .hour) == 15_000)
        #expect(limits.limit(.modify, .minute) == 140)
        #expect(limits.limit(.modify, .hour) == 7_200)
        #expect(limits.limit(.modify, .day) == 172_800)
    }

    /// Waits until something sleeps on `clock` (bounded, so a missing sleep fails instead of hanging).
    private func waitUntilSleeping(_ clock: TestClock<Duration>) async throws {
        for _ in 1...1_000 {
            do {
                try await clock.checkSuspension()
            } catch {
                return
            }
            await Task.yield()
        }
        Issue.record("nothing ever slept on the clock")
    }
}
