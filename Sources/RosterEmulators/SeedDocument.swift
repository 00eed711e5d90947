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

    /// The parsed JSON of a seed document.
    ///
    /// - Throws: `SCIMEmulatorError.Kind.invalidSeed` with the parser's message.
    static func root(_ json: Data, source: String) throws(SCIMEmulatorError) -> JSONValue {
        do {
            return try JSONParser.parse(json)
        } catch {
            throw SCIMEmulatorError(.invalidSeed, file: source, problems: [error.description])
        }
    }
}
