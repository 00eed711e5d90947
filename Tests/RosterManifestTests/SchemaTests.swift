import Foundation
import RosterManifest
import RosterModel
import Testing

/// Runs `Fixtures/validate_schema.py` (python3 with `jsonschema` and `yaml`) over files.
enum SchemaValidator {
    /// One file's verdict.
    struct Verdict: Decodable {
        var file: String
        var valid: Bool
        var errors: [String]
    }

    /// The python3 on PATH, if any.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        return path.split(separator: ":").map { $0 + "/python3" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// Validates each file against `schemas/manifest.v1.schema.json`.
    static func validate(_ files: [String]) throws -> [String: Verdict] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments =
            [
                TestPaths.fixture("validate_schema.py"), TestPaths.repository("schemas/manifest.v1.schema.json"),
            ] + files
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "validate_schema.py failed: \(problem)")
        let verdicts = try JSONDecoder().decode([Verdict].self, from: data)
        return Dictionary(uniqueKeysWithValues: verdicts.map { ($0.file, $0) })
    }
}

/// A structurally bad file and the code the loader reports for it.
struct SchemaBadCase: Sendable, CustomTestStringConvertible {
    var file: String
    var code: String
    var testDescription: String { file }

    static let all = [
        SchemaBadCase(file: "unknown-key.yaml", code: "unknown-key"),
        SchemaBadCase(file: "wrong-type.yaml", code: "type-mismatch"),
        SchemaBadCase(file: "wrong-enum.yaml", code: "invalid-value"),
        SchemaBadCase(file: "wrong-policy-enum.yaml", code: "invalid-value"),
        SchemaBadCase(file: "key-of-another-type.yaml", code: "unknown-key"),
        SchemaBadCase(file: "unknown-credential.yaml", code: "unknown-key"),
        SchemaBadCase(file: "literal-secret.yaml", code: "literal-secret"),
        SchemaBadCase(file: "insecure-endpoint.yaml", code: "insecure-endpoint"),
        SchemaBadCase(file: "unsupported-version.yaml", code: "unsupported-version"),
        SchemaBadCase(file: "group-without-on.yaml", code: "missing-key"),
    ]
}

@Suite("schemas/manifest.v1.schema.json agrees with the loader")
struct SchemaTests {
    @Test(
        "every example file validates against the schema",
        .enabled(if: SchemaValidator.python != nil, "python3 is not installed; CI installs it with jsonschema and yaml")
    )
    func examplesValidate() throws {
        // examples/ci holds CI recipes (GitHub Actions, GitLab CI), not manifests.
        let files = TestPaths.yamlFiles(under: TestPaths.repository("examples")).filter {
            !$0.contains("/examples/ci/")
        }
        #expect(files.count >= 10)
        let verdicts = try SchemaValidator.validate(files)
        for file in files {
            let verdict = try #require(verdicts[file])
            #expect(verdict.valid, "\(file): \(verdict.errors)")
        }
    }

    @Test(
        "structurally bad fixtures are rejected by both the schema and the loader",
        .enabled(if: SchemaValidator.python != nil, "python3 is not installed; CI installs it with jsonschema and yaml")
    )
    func badFixturesRejected() throws {
        let files = SchemaBadCase.all.map { TestPaths.fixture("schema-bad/" + $0.file) }
        let verdicts = try SchemaValidator.validate(files)
        for (badCase, file) in zip(SchemaBadCase.all, files) {
            let verdict = try #require(verdicts[file])
            #expect(!verdict.valid, "the schema accepts \(badCase.file)")
            let result = ManifestLoader().load(path: file)
            let errors = result.diagnostics.filter(\.isError).map(\.code)
            #expect(errors == [badCase.code], "\(badCase.file): \(result.diagnostics.map(\.message))")
        }
    }

    @Test(
        "the valid fixtures the loader accepts also pass the schema",
        .enabled(if: SchemaValidator.python != nil, "python3 is not installed; CI installs it with jsonschema and yaml")
    )
    func validFixturesValidate() throws {
        let files = TestPaths.yamlFiles(under: TestPaths.fixture("valid"))
        let verdicts = try SchemaValidator.validate(files)
        for file in files {
            #expect(verdicts[file]?.valid == true, "\(file): \(verdicts[file]?.errors ?? [])")
            #expect(ManifestLoader().load(path: file).diagnostics.filter(\.isError) == [])
        }
    }
}
