import Foundation

/// Checks `roster apply --output json` lines against `schemas/apply-events.v1.schema.json` with python3's jsonschema.
public enum ApplyEventsSchema {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        count = 0
        for number, line in enumerate(open(sys.argv[2]), 1):
            for error in validator.iter_errors(json.loads(line)):
                print(f"line {number}: {error.message}")
            count += 1
        print(f"checked {count}")
        """

    /// The schema errors of `lines` (one event each), followed by a last line `checked N`.
    public static func validate(_ lines: [String]) throws -> [String] {
        let folder = try temporaryDirectory("roster-events")
        let events = try write(lines.joined(separator: "\n") + "\n", to: "events.jsonl", in: folder)
        let schema = root.appendingPathComponent("schemas/apply-events.v1.schema.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalProcess.which("python3") ?? "/usr/bin/python3")
        process.arguments = ["-c", script, schema, events]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
