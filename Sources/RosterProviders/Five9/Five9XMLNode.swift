/// One XML element of a Five9 SOAP answer, by local name (prefixes and namespaces dropped, as five9.md §1.5 says
/// clients must parse), with its text and child elements.
struct Five9XMLNode: Sendable, Hashable {
    /// The local name, for example `generalInfo`.
    var name: String
    /// The text directly inside the element (entities resolved); empty for elements that only hold children.
    var text: String
    /// Child elements in document order.
    var children: [Five9XMLNode]

    /// Creates a node.
    init(name: String, text: String = "", children: [Five9XMLNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child with this local name.
    func child(_ name: String) -> Five9XMLNode? { children.first { $0.name == name } }

    /// Every child with this local name (repeated elements such as `return`, `agents`, `skills`).
    func all(_ name: String) -> [Five9XMLNode] { children.filter { $0.name == name } }

    /// The text of the first child with this name; nil when the element is absent (Five9 omits nulls).
    func string(_ name: String) -> String? { child(name)?.text }

    /// The texts of every child with this name.
    func strings(_ name: String) -> [String] { all(name).map(\.text) }

    /// A boolean child (`true`/`false`, or `1`/`0` as XML Schema also allows).
    func bool(_ name: String) -> Bool? {
        switch string(name)?.trimmingWhitespace {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    /// An integer child (`xs:int`, `xs:long`).
    func int(_ name: String) -> Int? { string(name).flatMap { Int($0.trimmingWhitespace) } }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
