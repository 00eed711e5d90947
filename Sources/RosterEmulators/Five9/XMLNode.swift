import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML document: local name, namespace, element children and text.
struct XMLNode: Sendable {
    /// The local name (no prefix).
    var name: String
    /// The namespace URI, or nil when the element is unqualified.
    var namespace: String?
    /// Element children in document order.
    var children: [XMLNode] = []
    /// The character data directly inside the element (concatenated).
    var text = ""
    /// The element carried `xsi:nil="true"`.
    var isNil = false

    /// The first child named `name`.
    func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in order.
    func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// Parses a document; the error says what is wrong in words the Java SOAP stack would use.
    static func parse(_ data: Data) throws(XMLNodeError) -> XMLNode {
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) { start += 1 }
        guard start < data.endIndex else { throw XMLNodeError(message: "Premature end of file.") }
        guard data[start] == UInt8(ascii: "<") else { throw XMLNodeError(message: "Content is not allowed in prolog.") }
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let line = parser.lineNumber
            let reason = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML"
            throw XMLNodeError(message: "Malformed XML at line \(line): \(reason)")
        }
        return root
    }
}

/// Why a document is not well-formed XML.
struct XMLNodeError: Error, Sendable {
    var message: String
}

/// Builds `XMLNode`s from `XMLParser` callbacks.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?
    private(set) var failure: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let isNil = attributes.contains { key, value in
            (key == "nil" || key.hasSuffix(":nil")) && (value == "true" || value == "1")
        }
        let namespace = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
        stack.append(XMLNode(name: elementName, namespace: namespace, isNil: isNil))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: block, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = "\(parseError.localizedDescription)" }
    }
}
