import Foundation

/// Validates JSON against the repository's schemas with python3 and the `jsonschema` package.
enum JSONSchemaCheck {
    /// The repository root, three levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The path of python3 on `PATH`, or `nil` when there is none (the only reason schema tests are skipped).
    static let python3: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    static let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for index, path in enumerate(sys.argv[2:]):
            for error in validator.iter_errors(json.load(open(path))):
                print(f"instance {index} at {'/'.join(map(str, error.absolute_path))}: {error.message}")
        """

    /// The validation errors of each instance against `schemas/<schema>`; empty when every instance is valid.
    static func errors(schema: String, instances: [Data]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-schema-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, data) in instances.enumerated() {
            let url = folder.appendingPathComponent("instance\(index).json")
            try data.write(to: url)
            paths.append(url.path)
        }
        let schemaPath = root.appendingPathComponent("schemas").appendingPathComponent(schema).path
        let (status, output) = try run([python3 ?? "python3", "-c", script, schemaPath] + paths)
        guard status == 0 else { return ["python3 failed (is the jsonschema package installed?): \(output)"] }
        return output.split(separator: "\n").map(String.init)
    }

    private static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
