import Roster
import RosterModel
import RosterProviders
import Synchronization
import Testing

@Suite("Read progress from a plan")
struct ReadProgressTests {
    @Test func aPlanTellsTheObserverHowFarEveryProvidersListingsGot() async throws {
        let path = try ExampleTests.copy("contact-center")
        var options = RosterOptions(manifestPath: path)
        let reports = Mutex<[ReadProgress]>([])
        options.readObserver = { report in reports.withLock { $0.append(report) } }
        let result = try await Workflow(options: options).plan()
        let seen = reports.withLock { $0 }
        #expect(result.live.providers.count == 6)
        for (provider, live) in result.live.providers {
            let users = seen.last { $0.provider == provider && $0.kind == "users" }
            #expect(users != nil, "no report of \(provider)'s users")
            #expect(users.map { $0.read == $0.total } == true)
            #expect((users?.read ?? 0) >= live.users.count)
        }
        #expect(Set(seen.filter { $0.provider == "five9" }.map(\.kind)).isSuperset(of: ["users", "skills", "groups"]))
    }
}
