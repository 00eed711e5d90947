import Foundation
import HTTPTypes
import RosterProviders
import Synchronization

/// A transport whose SOAP answers a test scripts: the closure sees each request (operation and raw XML body) and
/// returns a status and a body, or throws (a `TransportError` to lose the answer).
final class SOAPScript: HTTPTransport {
    /// What the script sees.
    struct Request: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var headers: HTTPFields
        var body: String

        /// The operation's local name: the first element inside `<soapenv:Body>`.
        var operation: String {
            guard let range = body.range(of: "<soapenv:Body><ser:") else { return "" }
            return String(body[range.upperBound...].prefix { $0.isLetter })
        }
    }

    private let script: @Sendable (Request) throws -> (Int, String)
    private let log = Mutex<[Request]>([])

    init(_ script: @escaping @Sendable (Request) throws -> (Int, String)) { self.script = script }

    /// Every request, in order.
    var requests: [Request] { log.withLock { $0 } }

    /// The operations called, in order.
    var operations: [String] { requests.map(\.operation) }

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let seen = Request(
            method: request.method, path: request.path ?? "", headers: request.headerFields,
            body: String(decoding: body ?? Data(), as: UTF8.self))
        log.withLock { $0.append(seen) }
        let (status, answer) = try script(seen)
        return (HTTPResponse(status: .init(code: status)), Data(answer.utf8))
    }
}

/// A response envelope the way five9.md §1.5 shows it.
func soapResponse(_ operation: String, _ inner: String = "") -> (Int, String) {
    let wrapper =
        inner.isEmpty
        ? "<ns2:\(operation)Response xmlns:ns2=\"http://service.admin.ws.five9.com/\"/>"
        : "<ns2:\(operation)Response xmlns:ns2=\"http://service.admin.ws.five9.com/\">\(inner)</ns2:\(operation)Response>"
    return (
        200,
        "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Header/><env:Body>\(wrapper)</env:Body></env:Envelope>"
    )
}

/// A fault envelope the way five9.md §1.7 shows it, with HTTP 500.
func soapFault(_ name: String, _ message: String, _ fields: [(String, String)] = []) -> (Int, String) {
    let extra = fields.map { "<\($0.0)>\($0.1)</\($0.0)>" }.joined()
    return (
        500,
        """
        <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/><env:Body><env:Fault>\
        <faultcode>env:Server</faultcode><faultstring>\(message)</faultstring><detail>\
        <ns1:\(name) xmlns:ns1="http://service.admin.ws.five9.com/"><message>\(message)</message>\(extra)\
        </ns1:\(name)></detail></env:Fault></env:Body></env:Envelope>
        """
    )
}

/// A `userInfo` return element.
func userReturn(
    _ userName: String, active: Bool = true, first: String = "Ana", last: String = "Lima", marker: String? = nil,
    roles: [String] = ["agent"], skills: [(String, Int)] = [], groups: [String] = []
) -> String {
    let roleXML = roles.map { role in
        role == "agent"
            ? "<agent><alwaysRecorded>false</alwaysRecorded><attachVmToEmail>false</attachVmToEmail><permissions><type>ReceiveTransfer</type><value>true</value></permissions><sendEmailOnVm>false</sendEmailOnVm></agent>"
            : "<\(role)><permissions><type>X</type><value>true</value></permissions></\(role)>"
    }.joined()
    let skillXML = skills.map {
        "<skills><id>7</id><level>\($0.1)</level><skillName>\($0.0)</skillName><userName>\(userName)</userName></skills>"
    }.joined()
    return "<return>" + groups.map { "<agentGroups>\($0)</agentGroups>" }.joined()
        + "<generalInfo><active>\(active)</active><EMail>\(userName)</EMail><firstName>\(first)</firstName>"
        + "<fullName>\(first) \(last)</fullName><id>42</id><lastName>\(last)</lastName>"
        + (marker.map { "<osLogin>\($0)</osLogin>" } ?? "") + "<userName>\(userName)</userName></generalInfo>"
        + "<roles>\(roleXML)</roles>\(skillXML)</return>"
}
