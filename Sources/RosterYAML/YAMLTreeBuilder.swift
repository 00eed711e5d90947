/// Builds the `YAMLNode` tree from events with an explicit stack (no recursion), resolving aliases within limits.
///
/// Children of open collections wait in `nodes`; a mapping's keys and values alternate there. Key texts wait
/// in `keys` (nil for a merge key) so duplicate checks compare strings without touching the nodes.
struct YAMLTreeBuilder: ~Copyable {
    /// A finished node with the size facts the limits need.
    struct Built {
        /// The node.
        var node: YAMLNode
        /// How many nodes it contains, itself included.
        var count: Int
        /// How many collections deep it nests (0 for a scalar).
        var height: Int
    }

    /// An open sequence or mapping.
    struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var tag: String?
        var anchor: String?
        /// Where this collection's children start in `nodes`.
        var start: Int
        /// Where this mapping's key texts start in `keys`.
        var keyStart: Int
        /// The node budget spent before this collection started; the difference at its end is its size.
        var spentBefore: Int
        /// How deep the deepest child collection nests; children report it when they close.
        var childHeight = 0
        /// Key text → pair index, built once a mapping outgrows a linear scan.
        var index: [String: Int]?
        /// The mapping's `<<` key, if it has one.
        var merge: YAMLMerge?
    }

    let file: String
    let limits: YAMLLimits
    var nodes = YAMLNodeStack()
    var keys: [String?] = []
    var stack: [Frame] = []
    private var anchors: [String: Built] = [:]
    private var nodeCount = 0
    /// The document's root, once its last event has arrived.
    private(set) var root: YAMLNode?

    /// Creates a builder for one document of `file`.
    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// Adds a scalar to the innermost open collection (or makes it the root).
    mutating func scalar(_ text: String, style: YAMLScalarStyle, _ properties: YAMLEvent.Properties) throws(YAMLError) {
        let mark = mark(properties.position)
        try spend(1, at: mark)
        let node = YAMLNode(.scalar(text, style), mark: mark, tag: properties.tag)
        if let anchor = properties.anchor {
            anchors[anchor] = Built(node: node, count: 1, height: 0)
        }
        try add(consume node, height: 0)
    }

    /// Expands `*name` to a copy of the anchored node; the copy's root carries the alias's position.
    mutating func alias(_ name: String, at position: YAMLEvent.Position) throws(YAMLError) {
        let mark = mark(position)
        guard var built = anchors[name] else {
            throw YAMLError(message: "undefined alias '*\(name)'; define '&\(name)' on an earlier node", mark: mark)
        }
        try spend(built.count, at: mark)
        if stack.count + built.height > limits.maxDepth {
            throw depthError(at: mark)
        }
        built.node.mark = mark
        try add(built.node, height: built.height)
    }

    /// Opens a sequence or mapping.
    mutating func start(mapping: Bool, _ properties: YAMLEvent.Properties) throws(YAMLError) {
        let mark = mark(properties.position)
        try spend(1, at: mark)
        guard stack.count < limits.maxDepth else { throw depthError(at: mark) }
        stack.append(
            Frame(
                isMapping: mapping, mark: mark, tag: properties.tag, anchor: properties.anchor, start: nodes.count,
                keyStart: keys.count, spentBefore: nodeCount - 1))
    }

    /// Closes the innermost open collection and adds it to its parent.
    mutating func end() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let content: YAMLNode.Content
        if frame.isMapping {
            content = .mapping(finishMapping(frame))
        } else {
            content = .sequence(nodes.pop(from: frame.start))
        }
        let node = YAMLNode(content, mark: frame.mark, tag: frame.tag)
        let height = frame.childHeight + 1
        if let anchor = frame.anchor {
            anchors[anchor] = Built(node: node, count: nodeCount - frame.spentBefore, height: height)
        }
        try add(consume node, height: height)
    }

    /// Adds a finished node to the innermost open collection, which learns how deep the node nests.
    private mutating func add(_ node: consuming YAMLNode, height: Int) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = consume node
            return
        }
        if height > stack[top].childHeight {
            stack[top].childHeight = height
        }
        if stack[top].isMapping {
            try addToMapping(consume node)
        } else {
            nodes.append(consume node)
        }
    }

    private mutating func spend(_ count: Int, at mark: YAMLMark) throws(YAMLError) {
        nodeCount += count
        guard nodeCount <= limits.maxNodes else {
            throw YAMLError(
                message: "the document expands to more than \(limits.maxNodes) nodes; "
                    + "aliases (*name) probably repeat each other exponentially, expand fewer of them",
                mark: mark)
        }
    }

    private func depthError(at mark: YAMLMark) -> YAMLError {
        YAMLError(
            message: "sequences and mappings nest deeper than \(limits.maxDepth) levels; flatten the structure",
            mark: mark)
    }

    private func mark(_ position: YAMLEvent.Position) -> YAMLMark {
        YAMLMark(file: file, line: position.line, column: position.column)
    }
}
