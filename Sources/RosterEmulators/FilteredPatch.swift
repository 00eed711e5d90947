/// A PATCH operation whose path carries a value filter, such as `members[value eq "…"]` or
/// `emails[type eq "work"].value`, applied to the elements of a multi-valued attribute.
struct FilteredPatch: Sendable {
    var op: PatchOperation.Op
    var filter: SCIMFilter
    var subAttribute: String?
    var value: JSONValue?

    /// Applies the operation to `elements`.
    ///
    /// `replace` with no matching element is 400 `noTarget` (RFC 7644 §3.5.2.3); `add` with no match creates an
    /// element from the filter's `eq` conditions (what Entra ID expects of `emails[type eq "work"].value`);
    /// `remove` with no match changes nothing.
    func apply(to elements: inout [JSONValue], parent: String, attribute: String) throws(SCIMError) {
        let matching = elements.indices.filter { index in
            elements[index].objectValue.map { filter.matches($0, parent: parent) } ?? false
        }
        switch op {
        case .remove:
            if let subAttribute {
                for index in matching { elements[index] = removing(subAttribute, from: elements[index]) }
            } else {
                for index in matching.reversed() { elements.remove(at: index) }
            }
        case .replace:
            guard !matching.isEmpty else { throw .badRequest(.noTarget, "no \(attribute) entry matches the filter") }
            for index in matching { elements[index] = try changed(elements[index]) }
        case .add:
            if matching.isEmpty {
                var seed = JSONObject()
                for (path, text) in filter.requiredEqualities { seed[path.name] = .string(text) }
                elements.append(try changed(.object(seed)))
            } else {
                for index in matching { elements[index] = try changed(elements[index]) }
            }
        }
    }

    private func changed(_ element: JSONValue) throws(SCIMError) -> JSONValue {
        var object = element.objectValue ?? [:]
        if let subAttribute {
            object[scim: subAttribute] = value == .null ? nil : value
            return .object(object)
        }
        guard case .object(let changes)? = value else {
            throw .badRequest(.invalidValue, "a value filter without a sub-attribute needs an object value")
        }
        for (key, change) in changes { object[scim: key] = change == .null ? nil : change }
        return .object(object)
    }

    private func removing(_ sub: String, from element: JSONValue) -> JSONValue {
        guard var object = element.objectValue else { return element }
        object[scim: sub] = nil
        return .object(object)
    }
}
