/// Bounds that keep hostile input (alias bombs, absurd nesting) from exhausting time or memory.
package struct YAMLLimits: Sendable, Hashable {
    /// The most nodes a document may expand to, counting every copy an alias or merge key makes.
    package var maxNodes: Int
    /// The deepest nesting of sequences and mappings, counting what aliases expand to.
    package var maxDepth: Int

    /// Creates limits.
    package init(maxNodes: Int, maxDepth: Int) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    /// The limits for a file of `inputBytes` bytes: a thousand levels, and a node budget of two per input byte
    /// but at least a million.
    ///
    /// Without aliases a document has at most about one node per byte, so the budget never stops a real file
    /// however large, while a small file cannot expand into a tree that takes consumers long to walk.
    package static func standard(inputBytes: Int) -> YAMLLimits {
        let proportional = inputBytes > Int.max / 2 ? Int.max : inputBytes * 2
        return YAMLLimits(maxNodes: max(1_000_000, proportional), maxDepth: 1000)
    }
}
