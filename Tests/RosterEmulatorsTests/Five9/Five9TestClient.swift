import Clocks
import Foundation
import HTTPTypes
import Testing

@testable import RosterEmulators

/// The service namespace the operation wrappers and fault details use.
let five9Namespace = "http://service.admin.ws.five9.com/"

/// A small domain: two skills, an agent, a supervisor, a reporting-only user and an agent group.
let five9Seed = #"""
    {"vendor": {
      "skills": [{"name": "Sales", "description": "Inbound sales"}, {"name": "Billing", "routeVoiceMails": true}],
      "users": [
        {"userName": "ana@acme.example", "firstName": "Ana", "lastName": "Lopez", "EMail": "ana@acme.example",
         "extension": "1042", "roles": {"agent": {"permissions": ["ReceiveTransfer"]}}, "skills": {"Sales": 1}},
        {"userName": "sam@acme.example", "firstName": "Sam", "lastName": "Reed",
         "roles": {"supervisor": {"permissions": ["Agents"]}, "reporting": {}}},
        {"userName": "rita@acme.example", "roles": ["reporting"]}
      ],
      "agentGroups": [{"name": "Tier1", "description": "First line", "agents": ["ana@acme.example"]}]
    }}
    """#

/// One SOAP answer, parsed for assertions.
struct SOAPAnswer: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: Data
    var dropConnection: Bool
    /// The `Body`'s single child (the response wrapper or `Fault`), if the body is an envelope.
    let payload: XMLNode?

    init(_ response: EmulatorResponse) {
        status = response.head.status.code
        headers = response.head.headerFields
        body = response.body
        dropConnection = response.dropConnection
        let envelope = try? XMLNode.parse(response.body)
        payload = envelope?.child("Body")?.children.first
    }

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The `return` elements of a successful answer.
    var returns: [XMLNode] { payload?.name == "Fault" ? [] : payload?.children("return") ?? [] }

    /// The detail element of a fault (`UserNotFoundFault`), if any.
    var faultDetail: XMLNode? { payload?.child("detail")?.children.first }

    /// The detail element's name, or the faultcode for a fault without detail.
    var fault: String? {
        guard payload?.name == "Fault" else { return nil }
        return faultDetail?.name ?? payload?.child("faultcode")?.text
    }

    /// `faultstring`.
    var faultString: String? { payload?.child("faultstring")?.text }
}

extension XMLNode {
    /// The text of the first child named `name`.
    subscript(_ name: String) -> String? { child(name)?.text }
}

/// Sends SOAP calls to a Five9 emulator in process.
struct Five9TestClient: Sendable {
    let emulator: Five9Emulator
    var user = "admin"
    var password = "admin-password"

    init(_ emulator: Five9Emulator, user: String = "admin", password: String = "admin-password") {
        self.emulator = emulator
        self.user = user
        self.password = password
    }

    /// An emulator seeded with `seed` (JSON text) on `clock`.
    init(seed: String = five9Seed, clock: any Clock<Duration> = TestClock(), faults: [FaultRule] = []) throws {
        let emulator = try VendorEmulators.five9(
            seed: VendorSeed(json: Data(seed.utf8)), faults: faults, clock: clock, now: fixedNow)
        self.init(emulator)
    }

    /// The client with other credentials.
    func with(user: String, password: String) -> Five9TestClient {
        Five9TestClient(emulator, user: user, password: password)
    }

    /// Posts `<ser:operation>children</ser:operation>` in a SOAP 1.1 envelope.
    func call(
        _ operation: String, _ children: String = "", path: String = "/wsadmin/v13/AdminWebService"
    ) async
        -> SOAPAnswer
    {
        SOAPAnswer(await response(operation, children, path: path))
    }

    /// The emulator's answer to `call(_:_:path:)`, unparsed.
    func response(
        _ operation: String, _ children: String = "", path: String = "/wsadmin/v13/AdminWebService"
    ) async -> EmulatorResponse {
        let envelope = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ser="\(five9Namespace)">\
            <soapenv:Header/><soapenv:Body><ser:\(operation)>\(children)</ser:\(operation)></soapenv:Body>\
            </soapenv:Envelope>
            """
        return await send(envelope, path: path)
    }

    /// Posts a raw body.
    func post(
        _ body: String, path: String = "/wsadmin/v13/AdminWebService", headers: HTTPFields = [:]
    ) async
        -> SOAPAnswer
    {
        SOAPAnswer(await send(body, path: path, headers: headers))
    }

    private func send(
        _ body: String, path: String, headers: HTTPFields = [:]
    ) async -> EmulatorResponse {
        var fields = headers
        if fields[.authorization] == nil {
            fields[.authorization] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        }
        fields[.contentType] = "text/xml;charset=UTF-8"
        fields[HTTPField.Name("SOAPAction")!] = "\"\""
        let request = HTTPRequest(
            method: .post, scheme: "https", authority: "api.five9.com", path: path, headerFields: fields)
        return await emulator.handle(request, body: Data(body.utf8))
    }

    /// `getUsersInfo` with an optional pattern.
    func usersInfo(_ pattern: String? = nil) async -> SOAPAnswer {
        await call("getUsersInfo", pattern.map { "<userNamePattern>\(escaped($0))</userNamePattern>" } ?? "")
    }

    /// `getUserInfo`.
    func userInfo(_ userName: String) async -> SOAPAnswer {
        await call("getUserInfo", "<userName>\(escaped(userName))</userName>")
    }
}

/// `text` with XML's special characters escaped.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
}

/// A `createUser` body for an agent (or other roles) with a valid password.
func createUserBody(
    _ userName: String,
    roles: String = "<agent><alwaysRecorded>false</alwaysRecorded>"
        + "<attachVmToEmail>false</attachVmToEmail><sendEmailOnVm>false</sendEmailOnVm></agent>",
    general: String = "", extra: String = "", password: String? = "Passw0rd!"
) -> String {
    let secret = password.map { "<password>\($0)</password>" } ?? ""
    return "<userInfo>\(extra)<generalInfo>\(general)\(secret)<userName>\(escaped(userName))</userName></generalInfo>"
        + "<roles>\(roles)</roles></userInfo>"
}
