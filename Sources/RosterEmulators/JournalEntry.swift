/// A malformed snapshot or journal line.
struct StateFormatError: Error, CustomStringConvertible {
    var description: String
}

/// One journal line: the changes one request committed and the id counter after them.
///
/// `{"counter":7,"changes":[{"put":"User","resource":{…}},{"delete":"Group","id":"…"}]}`
struct JournalEntry: Sendable, Equatable {
    var mutations: [StoreMutation]
    var counter: Int

    /// The line as JSON.
    var json: JSONValue {
        .object([
            "counter": .number(Double(counter)),
            "changes": .array(mutations.map(Self.encode)),
        ])
    }

    private static func encode(_ mutation: StoreMutation) -> JSONValue {
        switch mutation {
        case .put(let kind, let resource): .object(["put": .string(kind.rawValue), "resource": .object(resource)])
        case .delete(let kind, let id): .object(["delete": .string(kind.rawValue), "id": .string(id)])
        }
    }

    /// Reads a line written by `json`.
    static func read(_ value: JSONValue) throws(StateFormatError) -> JournalEntry {
        guard let object = value.objectValue, let counter = object["counter"]?.numberValue,
            let changes = object["changes"]?.arrayValue
        else { throw StateFormatError(description: "expected {\"counter\": n, \"changes\": [...]}") }
        var mutations: [StoreMutation] = []
        for change in changes {
            guard let change = change.objectValue else {
                throw StateFormatError(description: "a change is not an object")
            }
            if let kind = change["put"]?.stringValue.flatMap(ResourceKind.init(rawValue:)),
                let resource = change["resource"]?.objectValue, resource["id"]?.stringValue != nil
            {
                mutations.append(.put(kind, resource))
            } else if let kind = change["delete"]?.stringValue.flatMap(ResourceKind.init(rawValue:)),
                let id = change["id"]?.stringValue
            {
                mutations.append(.delete(kind, id))
            } else {
                throw StateFormatError(description: "a change is neither a put nor a delete")
            }
        }
        return JournalEntry(mutations: mutations, counter: Int(counter))
    }
}
