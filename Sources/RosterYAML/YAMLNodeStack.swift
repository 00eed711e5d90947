/// A growable stack of nodes that hands its top elements out as a new array by moving them, never copying.
///
/// The tree builder pushes every child of every open collection here and pops a finished collection's children
/// into one exactly-sized array, so building a tree costs one allocation per collection instead of one per
/// array growth step, and no reference counting per element. Concrete (not generic) so the optimizer never
/// falls back to value witnesses on the hot path.
struct YAMLNodeStack: ~Copyable {
    private var base: UnsafeMutablePointer<YAMLNode>
    private var capacity: Int
    /// How many nodes are on the stack.
    private(set) var count = 0

    /// Creates an empty stack with room for `capacity` nodes before it first grows.
    init(capacity: Int = 256) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes a node.
    mutating func append(_ node: consuming YAMLNode) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// The mark of the node at `index` (`0..<count`).
    func mark(at index: Int) -> YAMLMark {
        base[index].mark
    }

    /// Moves the nodes from `start` to the top out into an array, leaving `start` nodes.
    mutating func pop(from start: Int) -> [YAMLNode] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = base + start
        count = start
        return Array(unsafeUninitializedCapacity: moved) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: source, count: moved)
            initialized = moved
        }
    }

    /// Moves `start..<count` out as key/value pairs (keys at even offsets), dropping the pair at `skipping`.
    mutating func popPairs(from start: Int, skipping: Int?) -> [YAMLPair] {
        let total = (count - start) / 2
        let kept = total - (skipping == nil ? 0 : 1)
        let source = base + start
        (source + total * 2).deinitialize(count: count - start - total * 2)  // a key without a value, if any
        count = start
        guard kept > 0 else {
            source.deinitialize(count: total * 2)
            return []
        }
        return Array(unsafeUninitializedCapacity: kept) { buffer, initialized in
            guard let output = buffer.baseAddress else { return }
            for pair in 0..<total {
                let key = source + pair * 2
                if pair == skipping {
                    key.deinitialize(count: 2)
                } else {
                    (output + initialized).initialize(to: YAMLPair(key: key.move(), value: (key + 1).move()))
                    initialized += 1
                }
            }
        }
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<YAMLNode>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
