import Foundation
import XMLCoder

/// Writes SOAP 1.1 request envelopes (five9.md §1.4): the operation element qualified with the service namespace,
/// every child unqualified, in the order the request type declares them (WSDL order).
enum Five9Envelope {
    /// `http://service.admin.ws.five9.com/`, the un-versioned namespace of v9_5 and later.
    static let serviceNamespace = "http://service.admin.ws.five9.com/"
    /// The SOAP 1.1 envelope namespace.
    static let envelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/"

    /// The whole request body for `operation` with `parameters` as its children.
    ///
    /// Nothing precedes the XML declaration: Five9 rejects any "content in prolog".
    static func request(_ operation: String, _ parameters: some Encodable) throws -> Data {
        let encoder = XMLEncoder()
        let element = try encoder.encode(parameters, withRootKey: "ser:\(operation)")
        var data = Data(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"\(envelopeNamespace)\" xmlns:ser=\"\(serviceNamespace)\">"
                + "<soapenv:Header/><soapenv:Body>").utf8)
        data.append(element)
        data.append(contentsOf: "</soapenv:Body></soapenv:Envelope>".utf8)
        return data
    }
}
