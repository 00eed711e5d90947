import Foundation
import HTTPTypes

/// The wire shapes of the admin web service (five9.md §1.4–1.7): namespaces, envelopes, faults, the 401 page.
enum Five9SOAP {
    /// The SOAP 1.1 envelope namespace.
    static let envelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/"
    /// The SOAP 1.2 envelope namespace (refused: the service speaks SOAP 1.1 only).
    static let soap12Namespace = "http://www.w3.org/2003/05/soap-envelope"
    /// The service's target namespace (operation wrappers and fault details are qualified with it).
    static let serviceNamespace = "http://service.admin.ws.five9.com/"

    /// A request: the operation's local name and its wrapper element.
    struct Call: Sendable {
        var operation: String
        var wrapper: XMLNode
    }

    /// Parses a request envelope down to its operation wrapper.
    ///
    /// - Throws: a `Client` fault (`VersionMismatch` for SOAP 1.2) for anything but a SOAP 1.1 envelope whose Body
    ///   holds one element in the service namespace.
    static func parse(_ body: Data) throws(Five9Fault) -> Call {
        let root: XMLNode
        do {
            root = try XMLNode.parse(body)
        } catch {
            throw .client(error.message)
        }
        guard root.name == "Envelope", root.namespace == envelopeNamespace else {
            if root.namespace == soap12Namespace {
                var fault = Five9Fault.client("SOAP 1.2 is not supported; send a SOAP 1.1 envelope.")
                fault.code = .versionMismatch
                throw fault
            }
            throw .client("The root element must be {\(envelopeNamespace)}Envelope, not \(root.name).")
        }
        guard let soapBody = root.children.first(where: { $0.name == "Body" && $0.namespace == envelopeNamespace })
        else { throw .client("The envelope has no Body.") }
        guard soapBody.children.count == 1, let wrapper = soapBody.children.first else {
            throw .client("The Body must hold exactly one operation element, not \(soapBody.children.count).")
        }
        guard wrapper.namespace == serviceNamespace else {
            throw .client("Cannot find dispatch method for {\(wrapper.namespace ?? "")}\(wrapper.name)")
        }
        return Call(operation: wrapper.name, wrapper: wrapper)
    }

    /// A 200 answer being written: the envelope and `<ns2:<operation>Response>` are open; the operation appends its
    /// `return` elements and `finish` closes it (an empty wrapper for a void operation).
    struct ResponseWriter {
        let operation: String
        var out = XMLWriter(capacity: 1_024)
        private let contentStart: Int

        init(operation: String) {
            self.operation = operation
            out.raw("<env:Envelope xmlns:env=\"\(envelopeNamespace)\"><env:Header/><env:Body>")
            out.raw("<ns2:\(operation)Response xmlns:ns2=\"\(serviceNamespace)\">")
            contentStart = out.count
        }

        /// Closes the wrapper and the envelope around `users`, written as the answer is read (whole when there is
        /// at most one user).
        consuming func finish(streaming users: Five9UsersAnswer) -> EmulatorResponse {
            guard users.userNames.count > 1 else {
                users.write(into: &out)
                return finish()
            }
            let head = out.data()
            let tail = Data("</ns2:\(operation)Response></env:Body></env:Envelope>".utf8)
            let body = ChunkedBody {
                AnyIterator(
                    [AnySequence([head]), AnySequence { users.pieces() }, AnySequence([tail])].joined().makeIterator())
            }
            return EmulatorResponse(head: Five9SOAP.xmlHead(200), chunks: body)
        }

        /// Closes the wrapper and the envelope.
        consuming func finish() -> EmulatorResponse {
            if out.count == contentStart {
                out.dropLast()
                out.raw("/>")
            } else {
                out.raw("</ns2:\(operation)Response>")
            }
            out.raw("</env:Body></env:Envelope>")
            return xml(200, out)
        }
    }

    /// A fault answer: HTTP 500 (or `status`), `env:Fault` with the detail element when the fault is named.
    static func fault(_ fault: Five9Fault, status: Int = 500) -> EmulatorResponse {
        var out = XMLWriter()
        out.raw("<env:Envelope xmlns:env=\"\(envelopeNamespace)\"><env:Header/><env:Body><env:Fault>")
        out.raw("<faultcode>env:\(fault.code.rawValue)</faultcode>")
        out.element("faultstring", fault.message)
        if let name = fault.name {
            out.raw("<detail><ns1:\(name) xmlns:ns1=\"\(serviceNamespace)\">")
            for (field, value) in fault.detailChildren { out.element(field, value) }
            out.raw("</ns1:\(name)></detail>")
        }
        out.raw("</env:Fault></env:Body></env:Envelope>")
        return xml(status, out)
    }

    private static func xml(_ status: Int, _ out: XMLWriter) -> EmulatorResponse {
        EmulatorResponse(head: xmlHead(status), body: out.data())
    }

    /// The status line and headers of an XML answer.
    static func xmlHead(_ status: Int) -> HTTPResponse {
        HTTPResponse(status: .init(code: status), headerFields: [.contentType: "text/xml;charset=UTF-8"])
    }

    /// An HTML error page as the service's JBoss Web front end writes it.
    ///
    /// It is not well-formed XML (`<HR>` is never closed), like the 401 for bad Basic credentials (five9.md §1.6).
    static func htmlError(_ status: Int, _ description: String, headers: HTTPFields = [:]) -> EmulatorResponse {
        let server = "JBoss Web/7.5.3.Final"
        let page =
            "<html><head><title>\(server) - JBWEB000064: Error report</title></head><body>"
            + "<h1>JBWEB000065: HTTP Status \(status) - </h1><HR size=\"1\" noshade=\"noshade\">"
            + "<p><b>JBWEB000309: type</b> JBWEB000067: Status report</p><p><b>JBWEB000068: message</b> <u></u></p>"
            + "<p><b>JBWEB000069: description</b> <u>\(description)</u></p>"
            + "<HR size=\"1\" noshade=\"noshade\"><h3>\(server)</h3></body></html>"
        var fields = headers
        fields[.contentType] = "text/html;charset=utf-8"
        return EmulatorResponse(
            head: HTTPResponse(status: .init(code: status), headerFields: fields), body: Data(page.utf8))
    }

    /// The 401 answer to missing or wrong Basic credentials.
    static let unauthorized = htmlError(
        401, "JBWEB000121: This request requires HTTP authentication.",
        headers: [.wwwAuthenticate: "Basic realm=\"ApplicationRealm\""])
}
