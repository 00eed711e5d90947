public import Foundation

extension PlanDocument {
    /// The document as pretty JSON with sorted keys: the same plan always gives byte-identical output.
    public static func encode(_ document: PlanDocument) -> Data {
        do {
            return try encoder.encode(document)
        } catch {
            // Every field is a string, number, bool, array or string-keyed object; a failure is a bug in roster.
            preconditionFailure("a plan document could not be encoded: \(error)")
        }
    }

    /// The bytes a plan digest is computed over: the encoded document with `planDigest` left out.
    ///
    /// The caller hashes these (SHA-256 in the façade), stores the result in `planDigest`, and checks a saved plan
    /// by hashing `digestPayload` of the decoded document again.
    public var digestPayload: Data {
        var copy = self
        copy.planDigest = nil
        return Self.encode(copy)
    }

    /// Reads a plan file, refusing other format versions and naming the path of anything malformed.
    ///
    /// - Throws: `PlanDocumentError` with kind `.unsupportedFormat` for a `format_version` other than
    ///   `currentFormatVersion`, `.malformed` for anything that is not a version 1 plan document.
    public static func decode(_ data: Data) throws -> PlanDocument {
        let probe: VersionProbe
        do {
            probe = try JSONDecoder().decode(VersionProbe.self, from: data)
        } catch {
            throw PlanDocumentError.malformed(error)
        }
        guard let version = probe.formatVersion else {
            throw PlanDocumentError(kind: .malformed(path: "format_version"), detail: "format_version is missing")
        }
        guard version == currentFormatVersion else {
            throw PlanDocumentError.unsupported(version, reads: currentFormatVersion)
        }
        do {
            return try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch {
            throw PlanDocumentError.malformed(error)
        }
    }

    /// The encoder behind `encode(_:)`: sorted keys, pretty, slashes unescaped.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}

/// Just enough of a document to learn its format before reading the rest.
private struct VersionProbe: Decodable {
    var formatVersion: Int?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
    }
}
