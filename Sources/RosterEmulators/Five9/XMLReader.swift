/// Reads the unqualified children of one request element, refusing elements the schema does not define there
/// (or that carry a namespace) the way a strict JAXB unmarshaller does.
struct XMLReader {
    /// The element read.
    let node: XMLNode

    /// Checks that every child of `node` is unqualified and named in `allowed`.
    ///
    /// - Throws: a `Client` fault naming the unexpected element and the expected ones.
    init(_ node: XMLNode, allowed: [String]) throws(Five9Fault) {
        for child in node.children where child.namespace != nil || !allowed.contains(child.name) {
            let expected = allowed.map { "<{}\($0)>" }.joined(separator: ",")
            throw .client(
                "Unmarshalling Error: unexpected element (uri:\"\(child.namespace ?? "")\", local:\"\(child.name)\")."
                    + " Expected elements are \(expected)")
        }
        self.node = node
    }

    /// The first child named `name`, unless it is absent or `xsi:nil`.
    func child(_ name: String) -> XMLNode? {
        node.child(name).flatMap { $0.isNil ? nil : $0 }
    }

    /// The children named `name`, in order.
    func children(_ name: String) -> [XMLNode] {
        node.children(name).filter { !$0.isNil }
    }

    /// The text of the child `name`.
    func string(_ name: String) -> String? {
        child(name)?.text
    }

    /// The texts of the children `name`.
    func strings(_ name: String) -> [String] {
        children(name).map(\.text)
    }

    /// The `xs:boolean` child `name`.
    func bool(_ name: String) throws(Five9Fault) -> Bool? {
        guard let text = string(name) else { return nil }
        return try Self.boolean(text, name)
    }

    /// The `xs:long` child `name`.
    func long(_ name: String) throws(Five9Fault) -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = Int64(text.trimmingWhitespace) else {
            throw .client("Unmarshalling Error: '\(text)' is not a valid xs:long value for \(name)")
        }
        return value
    }

    /// The `xs:int` child `name`.
    func int(_ name: String) throws(Five9Fault) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int32(text.trimmingWhitespace) else {
            throw .client("Unmarshalling Error: '\(text)' is not a valid xs:int value for \(name)")
        }
        return Int(value)
    }

    /// An `xs:boolean` lexical value.
    static func boolean(_ text: String, _ name: String) throws(Five9Fault) -> Bool {
        switch text.trimmingWhitespace {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .client("Unmarshalling Error: '\(text)' is not a valid xs:boolean value for \(name)")
        }
    }
}

extension String {
    /// The string without leading and trailing XML white space.
    var trimmingWhitespace: String {
        let isSpace = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex { !isSpace($0) }!
        return String(scalars[first...last])
    }
}
