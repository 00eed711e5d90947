import Foundation

/// Reading a seed file and parsing its JSON, shared by the generic and the vendor seeds.
enum SeedDocument {
    /// The bytes of the seed file at `url`.
    ///
    /// - Throws: `SCIMEmulatorError.Kind.io` naming the file.
    static func data(at url: URL) throws(SCIMEmulatorError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SCIMEmulatorError(
                .io, file: url.path, problems: ["cannot read the seed: \(error.localizedDescription)"])
        }
    }

    /// Where a seed lists the resources only a first start reads: generic `users` and `groups`, and a Five9 seed's
    /// `vendor` lists.
    static let resourcePaths: Set<[String]> = [
        ["users"], ["groups"], ["vendor", "users"], ["vendor", "skills"], ["vendor", "agentGroups"],
    ]

    /// The parsed JSON of a seed document; without `resources`, the lists at `resourcePaths` are read but left
    /// empty.
    ///
    /// - Throws: `SCIMEmulatorError.Kind.invalidSeed` with the parser's message.
    static func root(_ json: Data, source: String, resources: Bool = true) throws(SCIMEmulatorError) -> JSONValue {
        do {
            return resources
                ? try JSONParser.parse(json) : try JSONParser.parse([UInt8](json), dropping: resourcePaths)
        } catch {
            throw SCIMEmulatorError(.invalidSeed, file: source, problems: [error.description])
        }
    }
}
