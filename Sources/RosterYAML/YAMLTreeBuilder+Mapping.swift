extension YAMLTreeBuilder {
    /// Mappings with more keys than this look up duplicates in a dictionary instead of scanning.
    private static var linearScanLimit: Int { 12 }

    /// Takes the next child of the innermost (mapping) frame: a key at even positions, else that key's value.
    mutating func addToMapping(_ node: consuming YAMLNode) throws(YAMLError) {
        let top = stack.count - 1
        let position = nodes.count - stack[top].start
        if position % 2 == 0 {
            try acceptKey(consume node, top: top, pairIndex: position / 2)
        } else {
            if let merge = stack[top].merge, merge.pairIndex == position / 2 {
                try stack[top].merge?.accept(node)
            }
            nodes.append(consume node)
        }
    }

    /// Pops a closed mapping's pairs, dropping its `<<` pair and putting merged pairs first.
    mutating func finishMapping(_ frame: Frame) -> [YAMLPair] {
        keys.removeSubrange(frame.keyStart...)
        let explicit = nodes.popPairs(from: frame.start, skipping: frame.merge?.pairIndex)
        guard let merge = frame.merge else { return explicit }
        return merge.apply(to: explicit)
    }

    private mutating func acceptKey(_ key: consuming YAMLNode, top: Int, pairIndex: Int) throws(YAMLError) {
        guard case .scalar(let text, let style) = key.content else {
            throw YAMLError(
                message: "mapping keys must be scalars; found \(key.kindDescription) used as a key", mark: key.mark)
        }
        if YAMLMerge.isMergeKey(text, style: style, tag: key.tag) {
            if let first = stack[top].merge?.keyMark {
                throw Self.duplicate(text, first: first, second: key.mark)
            }
            stack[top].merge = YAMLMerge(keyMark: key.mark, pairIndex: pairIndex)
            keys.append(nil)
        } else {
            if let first = firstPair(withKey: text, top: top) {
                throw Self.duplicate(text, first: nodes.mark(at: stack[top].start + first * 2), second: key.mark)
            }
            remember(text, top: top, pairIndex: pairIndex)
        }
        nodes.append(consume key)
    }

    /// The pair index of an earlier key with this text, if any.
    private func firstPair(withKey text: String, top: Int) -> Int? {
        if let index = stack[top].index {
            return index[text]
        }
        let keyStart = stack[top].keyStart
        return keys[keyStart...].firstIndex(of: text).map { $0 - keyStart }
    }

    /// Records a key text, switching the frame to a dictionary once scanning would get slow.
    private mutating func remember(_ text: String, top: Int, pairIndex: Int) {
        if stack[top].index != nil {
            stack[top].index?[text] = pairIndex
        } else if pairIndex == Self.linearScanLimit {
            var index = [String: Int](minimumCapacity: pairIndex * 2)
            for offset in 0..<pairIndex {
                if let written = keys[stack[top].keyStart + offset] { index[written] = offset }
            }
            index[text] = pairIndex
            stack[top].index = index
        }
        keys.append(text)
    }

    private static func duplicate(_ text: String, first: YAMLMark, second: YAMLMark) -> YAMLError {
        YAMLError(message: "duplicate key '\(text)' (first at line \(first.line))", mark: second)
    }
}
