import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// A seed with `count` users `user0001@x`, `user0002@x`, … (every third one inactive).
func numberedSeed(_ count: Int, maxPageSize: Int? = nil) -> String {
    let users = (1...count).map { number in
        let name = "user" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        return #"{"userName":"\#(name)@x","active":\#(number % 3 != 0)}"#
    }
    let options = maxPageSize.map { #","options":{"maxPageSize":\#($0)}"# } ?? ""
    return #"{"users":[\#(users.joined(separator: ","))]\#(options)}"#
}

@Suite("SCIM lists and paging")
struct SCIMListTests {
    /// startIndex, count → the numbers of the users on the page, and itemsPerPage.
    @Test(arguments: [
        ("", Array(1...5), 1),
        ("startIndex=1&count=2", [1, 2], 1),
        ("startIndex=3&count=2", [3, 4], 3),
        ("startIndex=5&count=10", [5], 5),
        ("startIndex=6&count=10", [], 6),
        ("startIndex=0&count=1", [1], 1),
        ("startIndex=-4&count=1", [1], 1),
        ("count=0", [], 1),
        ("count=-3", [], 1),
        ("count=1000", Array(1...5), 1),
    ])
    func paging(query: String, expected: [Int], startIndex: Int) async throws {
        let client = try SCIMTestClient(seed: numberedSeed(5))
        let response = await client.get(query.isEmpty ? "/Users" : "/Users?\(query)")
        #expect(response.status == 200)
        #expect(response.names == expected.map { "user000\($0)@x" })
        #expect(response.totalResults == 5)
        #expect(response["itemsPerPage"] == .number(Double(expected.count)))
        #expect(response["startIndex"] == .number(Double(startIndex)))
        #expect(response["schemas"] == .array([.string(SCIMURN.listResponse)]))
    }

    @Test func countIsClampedToTheMaximumPageSize() async throws {
        let client = try SCIMTestClient(seed: numberedSeed(30, maxPageSize: 10))
        let response = await client.get("/Users?count=25")
        #expect(response.resources.count == 10)
        #expect(response.totalResults == 30)
        #expect(await client.get("/Users").resources.count == 10)
    }

    @Test func defaultPageSizeIsAnOption() async throws {
        var options = SCIMEmulatorOptions()
        options.defaultPageSize = 2
        let client = try SCIMTestClient(options: options, seed: numberedSeed(5))
        #expect(await client.get("/Users").names == ["user0001@x", "user0002@x"])
        #expect(await client.get("/Users?count=4").resources.count == 4)
    }

    @Test(arguments: ["startIndex=x", "count=1.5"])
    func nonIntegerPagingIsInvalidValue(_ query: String) async throws {
        let client = try SCIMTestClient(seed: numberedSeed(2))
        let response = await client.get("/Users?\(query)")
        #expect(response.status == 400)
        #expect(response.scimType == "invalidValue")
    }

    @Test func orderIsCreationOrderAndSurvivesDeletes() async throws {
        let client = try SCIMTestClient(seed: numberedSeed(6))
        let ids = await client.get("/Users").resources.compactMap { $0["id"]?.stringValue }
        _ = await client.delete("/Users/\(ids[1])")
        _ = await client.delete("/Users/\(ids[3])")
        try await client.createUser("late@x")
        let page = await client.get("/Users?startIndex=2&count=3")
        #expect(page.names == ["user0003@x", "user0005@x", "user0006@x"])
        #expect(page.totalResults == 5)
        let renamed = await client.put("/Users/\(ids[0])", #"{"userName":"zed@x"}"#)
        #expect(renamed.status == 200)
        #expect(await client.get("/Users?count=2").names == ["zed@x", "user0003@x"])
    }

    @Test func attributesAndExcludedAttributes() async throws {
        let client = try SCIMTestClient()
        let id = try await client.createUser(
            "ana@x",
            extra:
                #","name":{"givenName":"Ana","familyName":"Lima"},"title":"Agent","emails":[{"type":"work","value":"a@x"}],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","division":"East"}"#
        )
        let only = await client.get(
            "/Users?attributes=userName,name.givenName,emails.value,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"
        ).resources.first
        #expect(
            only
                == [
                    "id": .string(id), "schemas": .array([.string(SCIMURN.user), .string(SCIMURN.enterpriseUser)]),
                    "userName": .string("ana@x"), "name": .object(["givenName": .string("Ana")]),
                    "emails": .array([.object(["value": .string("a@x")])]),
                    SCIMURN.enterpriseUser: .object(["department": .string("Sales")]),
                ])
        let without = await client.get(
            "/Users/\(id)?excludedAttributes=title,name.familyName,meta,id,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        )
        #expect(without["title"] == nil)
        #expect(without["meta"] == nil)
        #expect(without[SCIMURN.enterpriseUser] == nil)
        #expect(without["name"] == .object(["givenName": .string("Ana")]))
        #expect(without["id"] == .string(id))
        #expect(await client.get("/Users?attributes=not%20valid").scimType == "invalidPath")
    }

    @Test func searchWithPost() async throws {
        let client = try SCIMTestClient(seed: numberedSeed(5))
        let response = await client.post(
            "/Users/.search",
            #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \"user000\"","startIndex":2,"count":2,"attributes":["userName"]}"#
        )
        #expect(response.status == 200)
        #expect(response.names == ["user0002@x", "user0003@x"])
        #expect(response.totalResults == 5)
        #expect(response.resources.first?["active"] == nil)
    }

    @Test func unfilteredListCanExcludeInactiveUsers() async throws {
        var options = SCIMEmulatorOptions()
        options.unfilteredListExcludesInactiveUsers = true
        let client = try SCIMTestClient(options: options, seed: numberedSeed(6))
        let unfiltered = await client.get("/Users?startIndex=2&count=10")
        #expect(unfiltered.names == ["user0002@x", "user0004@x", "user0005@x"])
        #expect(unfiltered.totalResults == 4)
        #expect(await client.get(listPath("/Users", filter: "active eq false")).names == ["user0003@x", "user0006@x"])
        let generic = try SCIMTestClient(seed: numberedSeed(6))
        #expect(await generic.get("/Users").totalResults == 6)
    }

    @Test func pagingThroughAFilterSeesWritesMadeBetweenPages() async throws {
        // Filtered listings are cached between pages; a write must show on the next page, not a stale list.
        let client = try SCIMTestClient(seed: numberedSeed(6))
        let filter = "active eq true"
        let first = await client.get(listPath("/Users", filter: filter, extra: "&startIndex=1&count=2"))
        #expect(first.names == ["user0001@x", "user0002@x"])
        #expect(first.totalResults == 4)
        _ = try await client.createUser("late@x")
        let next = await client.get(listPath("/Users", filter: filter, extra: "&startIndex=3&count=10"))
        #expect(next.names == ["user0004@x", "user0005@x", "late@x"])
        #expect(next.totalResults == 5)
        let ids = await client.get(listPath("/Users", filter: #"userName eq "late@x""#)).resources
        _ = await client.delete("/Users/\(ids[0]["id"]!.stringValue!)")
        #expect(await client.get(listPath("/Users", filter: filter)).totalResults == 4)
    }

    @Test func activeOnlyDefaultListSeesDeactivations() async throws {
        var options = SCIMEmulatorOptions()
        options.unfilteredListExcludesInactiveUsers = true
        let client = try SCIMTestClient(options: options, seed: numberedSeed(6))
        #expect(await client.get("/Users").totalResults == 4)
        let ana = await client.get(listPath("/Users", filter: #"userName eq "user0001@x""#)).resources[0]
        _ = await client.patch(
            "/Users/\(ana["id"]!.stringValue!)",
            SCIMTestClient.patchBody(#"{"op":"replace","path":"active","value":false}"#))
        #expect(await client.get("/Users").names == ["user0002@x", "user0004@x", "user0005@x"])
    }

    @Test func fiftyThousandUsersPageAndIndexedLookups() async throws {
        let count = 50_000
        let client = try SCIMTestClient(seed: numberedSeed(count))
        var seen = 0
        var startIndex = 1
        while true {
            let page = await client.get("/Users?startIndex=\(startIndex)&count=100")
            #expect(page.totalResults == count)
            seen += page.resources.count
            if page.resources.count < 100 { break }
            startIndex += 100
        }
        #expect(seen == count)
        let found = await client.get(listPath("/Users", filter: #"userName eq "USER49999@x""#))
        #expect(found.names == ["user49999@x"])
    }
}
