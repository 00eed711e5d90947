import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

@Suite("Five9 SOAP: transport, envelope, authentication")
struct Five9SOAPProtocolTests {
    @Test(arguments: [
        "/wsadmin/v13/AdminWebService", "/wsadmin/v13/AdminWebService/", "/wsadmin/AdminWebService",
        "/wsadmin/v13/AdminWebService?user=admin",
    ])
    func servesTheDocumentedPaths(path: String) async throws {
        let answer = try await Five9TestClient().call("getSkills", path: path)
        #expect(answer.status == 200)
        #expect(answer.returns.count == 2)
    }

    @Test(arguments: ["/wsadmin/v12/AdminWebService", "/wsadmin/v13/AdminService", "/scim/v2/Users/../x"])
    func otherPathsAreNotFound(path: String) async throws {
        let client = try Five9TestClient()
        let request = HTTPRequest(method: .post, scheme: "https", authority: "api.five9.com", path: path)
        let response = await client.emulator.soap.handle(request, body: Data())
        #expect(response.head.status.code == 404)
    }

    @Test func getIsNotAllowed() async throws {
        let client = try Five9TestClient()
        let request = HTTPRequest(
            method: .get, scheme: "https", authority: "api.five9.com", path: "/wsadmin/v13/AdminWebService?wsdl")
        let response = await client.emulator.handle(request, body: Data())
        #expect(response.head.status.code == 405)
        #expect(response.head.headerFields[.allow] == "POST")
    }

    @Test(arguments: [(String?, String?)]([(nil, nil), ("admin", "wrong"), ("nobody", "admin-password")]))
    func badCredentialsGetTheJBossHTMLPage(user: String?, password: String?) async throws {
        var client = try Five9TestClient()
        var headers: HTTPFields = [:]
        if let user, let password {
            client = client.with(user: user, password: password)
        } else {
            headers[.authorization] = "Bearer nothing"
        }
        let answer = await client.post("<x/>", headers: headers)
        #expect(answer.status == 401)
        #expect(answer.headers[.contentType] == "text/html;charset=utf-8")
        #expect(answer.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=") == true)
        #expect(answer.text.contains("JBoss Web/7.5.3.Final"))
        #expect(answer.text.contains("HTTP Status 401"))
        #expect((try? XMLNode.parse(answer.body)) == nil, "the page is not well-formed XML, like the real one")
        #expect(await client.emulator.stats.unauthorizedRequests == 1)
    }

    @Test func responsesUseTheDocumentedPrefixesAndNamespaces() async throws {
        let client = try Five9TestClient()
        let answer = await client.call("getSkill", "<skillName>Sales</skillName>")
        #expect(answer.headers[.contentType] == "text/xml;charset=UTF-8")
        #expect(
            answer.text.hasPrefix(
                #"<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/><env:Body>"#
                    + #"<ns2:getSkillResponse xmlns:ns2="http://service.admin.ws.five9.com/"><return>"#))
        #expect(answer.payload?.namespace == five9Namespace)
        let skill = try #require(answer.returns.first)
        #expect(skill.children.map(\.name) == ["description", "id", "name"])
        #expect(skill.children.allSatisfy { $0.namespace == nil })
    }

    @Test func voidOperationsAnswerAnEmptyWrapper() async throws {
        let answer = try await Five9TestClient().call("deleteSkill", "<skillName>Billing</skillName>")
        #expect(answer.status == 200)
        #expect(answer.text.contains(#"<ns2:deleteSkillResponse xmlns:ns2="http://service.admin.ws.five9.com/"/>"#))
    }

    @Test func faultsHaveTheDocumentedShape() async throws {
        let answer = try await Five9TestClient().call("getSkill", "<skillName>ffff</skillName>")
        #expect(answer.status == 500)
        #expect(answer.payload?.name == "Fault")
        #expect(answer.payload?["faultcode"] == "env:Server")
        #expect(answer.faultString == #"Skill "ffff" doesn't exist."#)
        let detail = try #require(answer.faultDetail)
        #expect(detail.name == "SkillNotFoundFault")
        #expect(detail.namespace == five9Namespace)
        #expect(detail.children.map(\.name) == ["message", "skillName"])
        #expect(detail["message"] == answer.faultString)
        #expect(detail["skillName"] == "ffff")
        #expect(answer.text.contains("<ns1:SkillNotFoundFault xmlns:ns1=\"\(five9Namespace)\">"))
    }

    @Test(arguments: [
        ("junk<soapenv:Envelope/>", "Content is not allowed in prolog."),
        ("<soapenv:Envelope", "Malformed XML"),
        (#"<Envelope xmlns="urn:other"><Body/></Envelope>"#, "root element"),
        (
            #"<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>"#,
            "SOAP 1.2"
        ),
    ])
    func malformedEnvelopesAreClientFaults(body: String, message: String) async throws {
        let answer = try await Five9TestClient().post(body)
        #expect(answer.status == 500)
        #expect(answer.payload?["faultcode"]?.hasPrefix("env:") == true)
        #expect(answer.payload?["faultcode"] != "env:Server")
        #expect(answer.faultString?.contains(message) == true)
        #expect(answer.faultDetail == nil)
    }

    @Test func unknownOperationsCannotBeDispatched() async throws {
        let answer = try await Five9TestClient().call("createAgent", "<agentInfo/>")
        #expect(answer.fault == "env:Client")
        #expect(answer.faultString == "Cannot find dispatch method for {\(five9Namespace)}createAgent")
    }

    @Test func operationsOutsideTheServiceNamespaceCannotBeDispatched() async throws {
        let body = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>\
            <getSkills xmlns="http://service.admin.ws.five9.com/v2/"/></soapenv:Body></soapenv:Envelope>
            """
        let answer = try await Five9TestClient().post(body)
        #expect(answer.fault == "env:Client")
        #expect(answer.faultString?.contains("Cannot find dispatch method") == true)
    }

    @Test(arguments: [
        // A default namespace on the wrapper makes the children qualified: the classic client bug (five9.md §1.3).
        #"<getSkill xmlns="http://service.admin.ws.five9.com/"><skillName>Sales</skillName></getSkill>"#,
        #"<ser:getSkill xmlns:ser="http://service.admin.ws.five9.com/"><skilName>Sales</skilName></ser:getSkill>"#,
    ])
    func qualifiedOrUnknownChildrenAreRefused(wrapper: String) async throws {
        let body = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>\
            \(wrapper)</soapenv:Body></soapenv:Envelope>
            """
        let answer = try await Five9TestClient().post(body)
        #expect(answer.fault == "env:Client")
        #expect(answer.faultString?.hasPrefix("Unmarshalling Error: unexpected element") == true)
        #expect(answer.faultString?.contains("<{}skillName>") == true)
    }

    @Test func unqualifiedChildrenWithAnEmptyDefaultNamespaceAreAccepted() async throws {
        let body = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>\
            <getSkill xmlns="http://service.admin.ws.five9.com/"><skillName xmlns="">Sales</skillName></getSkill>\
            </soapenv:Body></soapenv:Envelope>
            """
        let answer = try await Five9TestClient().post(body)
        #expect(answer.status == 200)
        #expect(answer.returns.first?["name"] == "Sales")
    }

    @Test func soapActionAndTheXMLDeclarationAreAccepted() async throws {
        let client = try Five9TestClient()
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ser="\(five9Namespace)">
              <env:Body><ser:getSkills/></env:Body>
            </env:Envelope>
            """
        let answer = await client.post(body, headers: [HTTPField.Name("SOAPAction")!: "getSkills"])
        #expect(answer.status == 200)
        #expect(answer.returns.count == 2)
    }

    @Test func bothFacesAreServedOnOneHost() async throws {
        let client = try Five9TestClient()
        let request = HTTPRequest(
            method: .get, scheme: "https", authority: "api.five9.com", path: "/scim/v2/Users",
            headerFields: [.authorization: "Bearer five9-scim-token"])
        #expect(await client.emulator.handle(request, body: Data()).head.status.code == 200)
        #expect(await client.call("getSkills").status == 200)
    }

    @Test(arguments: [
        ("<active>yes</active>", "xs:boolean"), ("<id>x1</id>", "xs:long"),
    ])
    func valuesOutsideTheirXSDTypeAreUnmarshallingErrors(field: String, type: String) async throws {
        let answer = try await Five9TestClient().call("createUser", createUserBody("new@x", general: field))
        #expect(answer.fault == "env:Client")
        #expect(answer.faultString?.contains(type) == true)
    }
}
