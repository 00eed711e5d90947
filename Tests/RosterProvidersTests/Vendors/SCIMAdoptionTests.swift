import HTTPTypes
import RosterEmulators
import RosterModel
import RosterProviders
import RosterTestSupport
import Testing

/// An adoption step (`policy adopt: true`) writes roster's marker into `externalId` and reads as applied afterwards.
@Suite("SCIM provider: adoption")
struct SCIMAdoptionTests {
    @Test func theMarkerIsPatchedIntoExternalIdAndTheStepThenReadsAsApplied() async throws {
        let (provider, log) = try SCIMManagerTests.genesys()
        let live = try await provider.fetch()
        let carl = try #require(live.users.first { $0.value.key == "carl@acme.example" })
        #expect(carl.value.externalId == nil)
        let step = adoptionStep("genesys", carl, method: "PATCH", calls: 1)
        #expect(try await !provider.isApplied(step))
        try await provider.apply(step)
        #expect(log.all.contains { $0.method == .patch && $0.body.contains("externalId") })
        let again = try await provider.fetch()
        let adopted = again.users.first { $0.value.key == "carl@acme.example" }
        #expect(adopted?.value.externalId == "roster:carl@acme.example")
        #expect(try await provider.isApplied(step))
    }
}
