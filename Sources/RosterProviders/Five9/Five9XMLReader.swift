import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a SOAP 1.1 answer with FoundationXML's streaming parser.
///
/// The answer's items (each `<return>` of the operation's response wrapper) are handed to a transform one at a time
/// and dropped, so a 50,000-user `getUsersInfo` answer never sits in memory as one tree; the parser reads the answer
/// piece by piece as the transport hands it over (`StreamedBody`), so it need not sit in memory as one text either.
/// External entities are never resolved.
struct Five9XMLReader {
    /// What the SOAP Body held.
    enum Body<Item> {
        /// The operation's response wrapper (local name, for example `getUsersInfoResponse`) and its items.
        case response(wrapper: String, items: [Item])
        /// A SOAP Fault, whole.
        case fault(Five9XMLNode)
    }

    /// Why an answer could not be read.
    struct Malformed: Error, CustomStringConvertible {
        /// What was wrong.
        var description: String
    }

    /// Parses `body`, transforming each item of the response wrapper.
    ///
    /// - Parameters:
    ///   - skipping: Elements (inside items) whose subtrees are not kept, for example the role `permissions` that
    ///     make up most of a `getUsersInfo` answer and that roster never reads.
    /// - Throws: `Malformed` when the body is not a SOAP envelope; the error that cut the body short (see
    ///   `StreamedBody.finish()`); whatever `item` throws.
    static func read<Item>(
        _ body: StreamedBody, skipping: Set<String> = [], item: @escaping (Five9XMLNode) throws -> Item
    ) throws -> Body<Item> {
        let parser = XMLParser(stream: StreamedBodyInput(body))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(transform: item, skipping: skipping)
        parser.delegate = delegate
        let parsed = parser.parse()
        // A body cut short (a connection lost halfway) is that error, not malformed XML.
        if let cut = body.finish() { throw cut }
        if let error = delegate.failure { throw error }
        guard parsed else {
            throw Malformed(description: "not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "parse error"))")
        }
        guard delegate.sawEnvelope else { throw Malformed(description: "no SOAP Envelope") }
        if let fault = delegate.fault { return .fault(fault) }
        guard let wrapper = delegate.wrapper else { throw Malformed(description: "an empty SOAP Body") }
        return .response(wrapper: wrapper, items: delegate.items)
    }

    /// The SAX delegate: Envelope (depth 1) › Body (2) › wrapper or Fault (3) › items (4 and deeper, as trees).
    private final class Delegate<Item>: NSObject, XMLParserDelegate {
        static var envelopeNamespace: String { "http://schemas.xmlsoap.org/soap/envelope/" }

        let transform: (Five9XMLNode) throws -> Item
        let skipping: Set<String>
        /// The depth of the skipped element being passed over, if any.
        var skipDepth: Int?
        var depth = 0
        var sawEnvelope = false
        var inBody = false
        var wrapper: String?
        var isFault = false
        var fault: Five9XMLNode?
        var items: [Item] = []
        var stack: [Five9XMLNode] = []
        var failure: (any Error)?

        init(transform: @escaping (Five9XMLNode) throws -> Item, skipping: Set<String>) {
            self.transform = transform
            self.skipping = skipping
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            depth += 1
            guard skipDepth == nil else { return }
            switch depth {
            case 1:
                sawEnvelope = elementName == "Envelope" && namespaceURI == Self.envelopeNamespace
            case 2:
                inBody = elementName == "Body"
            case 3 where inBody:
                isFault = elementName == "Fault" && namespaceURI == Self.envelopeNamespace
                if isFault {
                    stack = [Five9XMLNode(name: elementName)]
                } else if wrapper == nil {
                    wrapper = elementName
                }
            case 5... where inBody && !isFault && skipping.contains(elementName):
                skipDepth = depth
            case 4... where inBody:
                stack.append(Five9XMLNode(name: elementName))
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipDepth == nil, depth >= 4 || (depth == 3 && isFault), !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            defer { depth -= 1 }
            if let skipped = skipDepth {
                if skipped == depth { skipDepth = nil }
                return
            }
            guard inBody, depth >= 3 else {
                if depth == 2 { inBody = false }
                return
            }
            if depth == 3 {
                if isFault, let node = stack.popLast() { fault = node }
                isFault = false
                return
            }
            guard var node = stack.popLast() else { return }
            if !node.children.isEmpty { node.text = "" }
            if depth == 4 && !isFault {
                do {
                    items.append(try transform(node))
                } catch {
                    failure = error
                    parser.abortParsing()
                }
            } else if !stack.isEmpty {
                stack[stack.count - 1].children.append(node)
            }
        }
    }
}
