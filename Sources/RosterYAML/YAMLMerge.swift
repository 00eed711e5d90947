/// A mapping's merge key (`<<`) and the mappings it merges, in precedence order (earlier wins).
struct YAMLMerge {
    /// Where the `<<` key is, for a duplicate `<<`.
    var keyMark: YAMLMark
    /// The index of the `<<` pair among the mapping's pairs; it is dropped when the mapping closes.
    var pairIndex: Int
    /// The mappings to merge.
    var sources: [YAMLNode] = []

    private static let tag = "tag:yaml.org,2002:merge"

    /// Whether a key is a merge key: plain `<<`, untagged or tagged `!!merge`.
    static func isMergeKey(_ text: String, style: YAMLScalarStyle, tag: String?) -> Bool {
        style == .plain && text == "<<" && (tag == nil || tag == Self.tag)
    }

    /// Records the value of `<<`: a mapping, or a sequence of mappings (aliases already expanded).
    mutating func accept(_ value: YAMLNode) throws(YAMLError) {
        switch value.content {
        case .mapping:
            sources.append(value)
        case .sequence(let items):
            for item in items {
                guard case .mapping = item.content else { throw Self.badValue(item) }
                sources.append(item)
            }
        case .scalar:
            throw Self.badValue(value)
        }
    }

    /// `explicit` preceded by the merged pairs whose keys it does not write, earlier sources first.
    func apply(to explicit: [YAMLPair]) -> [YAMLPair] {
        var taken = Set<String>(minimumCapacity: explicit.count)
        for pair in explicit {
            if let text = pair.key.scalarText { taken.insert(text) }
        }
        var result: [YAMLPair] = []
        for source in sources {
            for pair in source.pairs ?? [] where taken.insert(pair.key.scalarText ?? "").inserted {
                result.append(pair)
            }
        }
        result.append(contentsOf: explicit)
        return result
    }

    private static func badValue(_ node: YAMLNode) -> YAMLError {
        YAMLError(
            message: "merge key '<<' needs a mapping, an alias to one, or a list of them; "
                + "found \(node.kindDescription)",
            mark: node.mark)
    }
}
