/// The snapshot file: `{"counter":n,"format":1,"groups":[…],"users":[…]}` with resources in creation order.
///
/// Both directions work one resource at a time, so a store of a quarter of a million users never exists as one
/// tree or one text: writing copies each resource's stored JSON text into fixed-size chunks, and reading parses one
/// array element, indexes it, keeps its text and forgets the tree.
enum Snapshot {
    /// The chunk size `write` hands to its sink.
    static let chunkSize = 1 << 20

    /// Writes `store` as snapshot text, handing it to `sink` in chunks of about `chunkSize` bytes.
    ///
    /// The text is byte for byte what serializing the whole snapshot as one key-sorted JSON object would give.
    static func write(_ store: SCIMStore, chunkSize: Int = chunkSize, to sink: ([UInt8]) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize)
        let head = #"{"counter":\#(store.counter),"format":\#(SCIMStateFolder.formatVersion),"groups":["#
        buffer.append(contentsOf: head.utf8)
        try append(store.groups, to: &buffer, chunkSize: chunkSize, sink: sink)
        buffer.append(contentsOf: #"],"users":["#.utf8)
        try append(store.users, to: &buffer, chunkSize: chunkSize, sink: sink)
        buffer.append(contentsOf: "]}".utf8)
        try sink(buffer)
    }

    private static func append(
        _ table: ResourceTable, to buffer: inout [UInt8], chunkSize: Int, sink: ([UInt8]) throws -> Void
    ) rethrows {
        var first = true
        try table.forEachText { text in
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            buffer.append(contentsOf: text)
            if buffer.count >= chunkSize {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Rebuilds a store from snapshot text, one resource at a time; each resource keeps its text as written.
    ///
    /// - Throws: `JSONParseError` for malformed text, `StateFormatError` for a well-formed text that is not a
    ///   format 1 snapshot.
    static func read(_ bytes: [UInt8]) throws -> SCIMStore {
        var store = SCIMStore()
        let kinds: [String: ResourceKind] = ["users": .user, "groups": .group]
        // Only what the indexes read is built; the stored text is the element's bytes, whole.
        let root = try JSONParser.parseObject(bytes, streaming: Set(kinds.keys), reading: .members(SCIMStore.indexed)) {
            member, value, range in
            guard let kind = kinds[member], let resource = value.objectValue, let id = resource["id"]?.stringValue
            else { throw StateFormatError(description: "a resource in \(member) has no id") }
            store.put(kind, resource, id: id, bytes: Array(bytes[range]))
        }
        guard root["format"]?.numberValue == Double(SCIMStateFolder.formatVersion),
            let counter = root["counter"]?.numberValue
        else { throw StateFormatError(description: "not a format \(SCIMStateFolder.formatVersion) snapshot") }
        store.raiseCounter(to: Int(counter))
        return store
    }
}
