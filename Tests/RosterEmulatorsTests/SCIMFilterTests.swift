import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// One filter and the userNames it must select from `FilterCase.seed`, in creation order.
struct FilterCase: Sendable, CustomTestStringConvertible {
    var filter: String
    var expected: [String]
    var testDescription: String { filter }

    init(_ filter: String, _ expected: [String]) {
        self.filter = filter
        self.expected = expected
    }

    static let seed = """
        {"users": [
          {"id": "id-ana", "userName": "Ana@Example.com", "externalId": "HR-1", "displayName": "Ana Lima",
           "name": {"givenName": "Ana", "familyName": "Lima"}, "title": "Agent", "active": true,
           "emails": [{"type": "work", "value": "ana@example.com"}, {"type": "home", "value": "ana@home.net"}],
           "meta": {"created": "2025-01-01T00:00:00Z", "lastModified": "2025-01-01T00:00:00Z"},
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales", "employeeNumber": "7"}},
          {"id": "id-bob", "userName": "bob@example.com", "externalId": "hr-2", "displayName": "Bob Stone",
           "name": {"givenName": "Bob", "familyName": "Stone"}, "active": false,
           "emails": [{"type": "work", "value": "bob@corp.example"}],
           "meta": {"created": "2025-06-01T00:00:00Z", "lastModified": "2025-06-15T12:00:00.500Z"},
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Support"}},
          {"id": "id-cy", "userName": "cy@other.org", "name": {"givenName": "Cy"},
           "meta": {"created": "2026-01-01T00:00:00Z", "lastModified": "2026-01-01T00:00:00Z"}}
        ]}
        """

    static let all: [FilterCase] = [
        FilterCase(#"userName eq "ana@example.com""#, ["Ana@Example.com"]),
        FilterCase(#"USERNAME Eq "BOB@EXAMPLE.COM""#, ["bob@example.com"]),
        FilterCase(#"userName ne "ana@example.com""#, ["bob@example.com", "cy@other.org"]),
        FilterCase(#"userName co "EXAMPLE""#, ["Ana@Example.com", "bob@example.com"]),
        FilterCase(#"userName sw "b""#, ["bob@example.com"]),
        FilterCase(#"userName ew ".org""#, ["cy@other.org"]),
        FilterCase(#"userName gt "b""#, ["bob@example.com", "cy@other.org"]),
        FilterCase(#"userName ge "bob@example.com""#, ["bob@example.com", "cy@other.org"]),
        FilterCase(#"userName lt "b""#, ["Ana@Example.com"]),
        FilterCase(#"userName le "bob@example.com""#, ["Ana@Example.com", "bob@example.com"]),
        FilterCase("externalId pr", ["Ana@Example.com", "bob@example.com"]),
        FilterCase("title pr", ["Ana@Example.com"]),
        FilterCase(#"externalId eq "HR-1""#, ["Ana@Example.com"]),
        FilterCase(#"externalId eq "hr-1""#, []),
        FilterCase(#"id eq "id-bob""#, ["bob@example.com"]),
        FilterCase(#"id eq "ID-BOB""#, []),
        FilterCase("active eq true", ["Ana@Example.com", "cy@other.org"]),
        FilterCase("active eq false", ["bob@example.com"]),
        FilterCase(#"displayName eq "ana lima""#, ["Ana@Example.com"]),
        FilterCase(#"name.givenName eq "bob""#, ["bob@example.com"]),
        FilterCase(#"name.familyName sw "L""#, ["Ana@Example.com"]),
        FilterCase(#"emails.value eq "ANA@HOME.NET""#, ["Ana@Example.com"]),
        FilterCase(#"emails co "corp""#, ["bob@example.com"]),
        FilterCase(#"emails[type eq "work" and value co "@example.com"]"#, ["Ana@Example.com"]),
        FilterCase(#"emails[type eq "home"]"#, ["Ana@Example.com"]),
        FilterCase(#"emails[not (type eq "work")]"#, ["Ana@Example.com"]),
        FilterCase(
            #"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "support""#, ["bob@example.com"]),
        FilterCase(#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "cy""#, ["cy@other.org"]),
        FilterCase(
            #"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber pr"#, ["Ana@Example.com"]),
        FilterCase(#"meta.lastModified gt "2025-06-15T12:00:00Z""#, ["bob@example.com", "cy@other.org"]),
        FilterCase(#"meta.lastModified ge "2025-06-15T12:00:00.500Z""#, ["bob@example.com", "cy@other.org"]),
        FilterCase(#"meta.lastModified lt "2025-06-01T00:00:00Z""#, ["Ana@Example.com"]),
        FilterCase(#"meta.created le "2025-06-01T00:00:00Z""#, ["Ana@Example.com", "bob@example.com"]),
        FilterCase(#"userName sw "a" or userName sw "c""#, ["Ana@Example.com", "cy@other.org"]),
        FilterCase(#"userName co "example" and active eq false"#, ["bob@example.com"]),
        FilterCase(#"not (userName co "example")"#, ["cy@other.org"]),
        FilterCase(#"userName sw "a" or userName sw "b" and active eq true"#, ["Ana@Example.com"]),
        FilterCase(#"(userName sw "a" or userName sw "b") and active eq false"#, ["bob@example.com"]),
        FilterCase(#"userName eq "ana@example.com" and externalId eq "HR-1""#, ["Ana@Example.com"]),
        FilterCase(#"userName eq "ana@example.com" and title eq "Boss""#, []),
        FilterCase(#"title eq null"#, ["bob@example.com", "cy@other.org"]),
        FilterCase(#"nickName eq "x""#, []),
        FilterCase(#"nickName ne "x""#, ["Ana@Example.com", "bob@example.com", "cy@other.org"]),
    ]
}

@Suite("SCIM filters")
struct SCIMFilterTests {
    /// `active eq false` is answered from the store's inactive set; only filters every match must satisfy qualify.
    @Test func onlyATopLevelActiveEqFalseRequiresInactiveUsers() throws {
        let requiring = ["active eq false", #"userName co "x" and ACTIVE eq false"#]
        let notRequiring = [
            "active eq true", "not (active eq false)", #"active eq false or userName eq "x""#, "active ne false",
            #"emails[active eq false]"#,
        ]
        for text in requiring { #expect(try SCIMFilter.parse(text).requiresInactive, "\(text)") }
        for text in notRequiring { #expect(try !SCIMFilter.parse(text).requiresInactive, "\(text)") }
    }

    @Test(arguments: FilterCase.all)
    func filterSelects(_ c: FilterCase) async throws {
        let client = try SCIMTestClient(seed: FilterCase.seed)
        let response = await client.get(listPath("/Users", filter: c.filter))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(response.names == c.expected)
        #expect(response.totalResults == c.expected.count)
    }

    @Test(arguments: [
        "userName", "userName eq", #"userName xx "a""#, #"userName eq "a" and"#, #"(userName eq "a""#,
        #"userName eq "a")"#, "userName eq bare", #"emails[type eq "work""#, #"not userName eq "a""#,
        "active gt true", #"userName co 3"#, #"userName eq "unterminated"#, #"1abc eq "x""#, "",
        #"userName eq "a" userName eq "b""#,
    ])
    func malformedFiltersAreInvalidFilter(_ filter: String) async throws {
        let client = try SCIMTestClient(seed: FilterCase.seed)
        let path = filter.isEmpty ? "/Users?filter=%20" : listPath("/Users", filter: filter)
        let response = await client.get(path)
        #expect(response.status == 400)
        #expect(response.scimType == "invalidFilter")
    }

    @Test func unquotedValuesAreAcceptedWhenTheDialectSaysSo() async throws {
        var options = SCIMEmulatorOptions()
        options.acceptsUnquotedFilterValues = true
        let client = try SCIMTestClient(options: options, seed: FilterCase.seed)
        let response = await client.get(listPath("/Users", filter: "userName eq bob@example.com"))
        #expect(response.names == ["bob@example.com"])
    }

    @Test func groupFiltersOnDisplayNameAndMembers() async throws {
        let client = try SCIMTestClient(seed: FilterCase.seed)
        let sales = try await client.createGroup("Sales", members: ["id-ana"])
        try await client.createGroup("Support", members: ["id-bob", "id-ana"])
        #expect(await client.get(listPath("/Groups", filter: #"displayName eq "SALES""#)).names == ["Sales"])
        #expect(
            await client.get(listPath("/Groups", filter: #"members.value eq "id-bob""#)).names == ["Support"])
        #expect(
            await client.get(listPath("/Groups", filter: #"members[value eq "id-ana"]"#)).names == ["Sales", "Support"])
        #expect(await client.get(listPath("/Groups", filter: #"members.value eq "ID-ANA""#)).names == [])
        #expect(await client.get(listPath("/Groups", filter: #"id eq "\#(sales)""#)).names == ["Sales"])
    }

    @Test func plusSignsInQueriesAreLiteral() async throws {
        let client = try SCIMTestClient()
        try await client.createUser("ana+tag@x")
        let response = await client.get(#"/Users?filter=userName%20eq%20"ana+tag@x""#)
        #expect(response.names == ["ana+tag@x"])
    }

    @Test func parserBuildsTheExpectedTree() throws {
        let filter = try SCIMFilter.parse(#"a eq "1" or b pr and not (c.d lt 2)"#)
        let a = AttributePath(name: "a")
        let b = AttributePath(name: "b")
        let cd = AttributePath(name: "c", subAttribute: "d")
        #expect(
            filter == .or(.comparison(a, .eq, .string("1")), .and(.present(b), .not(.comparison(cd, .lt, .number(2))))))
    }

    @Test func requiredEqualitiesComeFromTheTopLevelAndChain() throws {
        let filter = try SCIMFilter.parse(#"userName eq "a" and (id eq "x" or id eq "y") and externalId eq "e""#)
        #expect(filter.requiredEqualities.map(\.value) == ["a", "e"])
        #expect(try SCIMFilter.parse(#"userName eq "a" or id eq "b""#).requiredEqualities.isEmpty)
    }
}
