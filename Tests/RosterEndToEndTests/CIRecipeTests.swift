import Foundation
import RosterRender
import RosterTestSupport
import Testing

/// The CI recipes in `examples/ci/`: every line that runs roster is read from the YAML files (never copied here)
/// and run, job by job, against the embedded emulator, and must go green; the platform glue around them (comments,
/// artifacts, issues) needs GitHub or GitLab and is not run.
@Suite("CI recipes", .serialized)
struct CIRecipeTests {
    /// The roster lines of each recipe's jobs, and the environment the recipe sets.
    struct Recipe: Sendable {
        var jobs: [String: [String]]
        var environment: [String: String]
    }

    static let recipes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/ci")

    /// Reads both recipes with PyYAML (installed by scripts/test): `run:` blocks of GitHub steps, `script:` items of
    /// GitLab jobs; a line belongs to roster when it starts with `roster `.
    static func load() throws -> [String: Recipe] {
        let script = """
            import json, sys, yaml
            def lines(text):
                return [line.strip() for line in text.splitlines() if line.strip().startswith("roster ")]
            github = yaml.safe_load(open(sys.argv[1]))
            gitlab = yaml.safe_load(open(sys.argv[2]))
            out = {"github": {"jobs": {}, "environment": {}}, "gitlab": {"jobs": {}, "environment": {}}}
            for name, job in github["jobs"].items():
                out["github"]["jobs"][name] = [l for step in job["steps"] if "run" in step for l in lines(step["run"])]
            out["github"]["environment"] = {k: str(v) for k, v in github.get("env", {}).items()}
            for name, job in gitlab.items():
                if isinstance(job, dict) and "script" in job and not name.startswith("."):
                    out["gitlab"]["jobs"][name] = [l for item in job["script"] for l in lines(item)]
            out["gitlab"]["environment"] = {k: str(v) for k, v in gitlab.get("variables", {}).items()}
            print(json.dumps(out))
            """
        let files = ["github-actions.yml", "gitlab-ci.yml"].map { recipes.appendingPathComponent($0).path }
        let result = try Self.run(["python3", "-c", script] + files, in: FileManager.default.currentDirectoryPath)
        try #require(result.status == 0, "reading the recipes failed: \(result.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        return object.compactMapValues { value in
            guard let recipe = value as? [String: Any], let jobs = recipe["jobs"] as? [String: [String]],
                let environment = recipe["environment"] as? [String: String]
            else { return nil }
            return Recipe(jobs: jobs, environment: environment)
        }
    }

    @Test func everyJobsRosterLinesAreFound() throws {
        let recipes = try Self.load()
        let github = try #require(recipes["github"])
        #expect(
            github.jobs["plan"]?.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
                "roster validate", "roster plan",
            ])
        #expect(github.jobs["apply"] == [#"roster apply plan.json --manifests "$MANIFESTS" $ALLOW_FLAGS"#])
        #expect(github.jobs["drift"]?.count == 2)
        let gitlab = try #require(recipes["gitlab"])
        #expect(gitlab.jobs["validate"]?.count == 1 && gitlab.jobs["plan"]?.count == 1)
        #expect(gitlab.jobs["apply"] == github.jobs["apply"])
        #expect(gitlab.jobs["drift"] == github.jobs["drift"])
        #expect(github.jobs["plan"]?.last == gitlab.jobs["plan"]?.last)
    }

    @Test(arguments: ["github", "gitlab"])
    func theRecipeGoesGreenAgainstTheEmulator(_ name: String) throws {
        let recipe = try #require(try Self.load()[name])
        let workspace = try Self.workspace()
        for job in ["validate", "plan"] {
            try Self.runJob(recipe, job, in: workspace)
        }
        let comment = try String(contentsOfFile: "\(workspace)/plan.md", encoding: .utf8)
        #expect(comment.hasPrefix(MarkdownPlanRenderer.commentMarker + "\n<!-- roster-plan-digest: sha256:"))
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(workspace)/plan.json")))
                as? [String: Any])
        let digest = try #require(plan["plan_digest"] as? String)
        #expect(comment.contains("<!-- roster-plan-digest: \(digest) -->"), "the apply job's digest check would fail")
        #expect(!comment.contains("Support Lead"), "--mask-pii")
        try Self.runJob(recipe, "apply", in: workspace)
        try Self.runJob(recipe, "drift", in: workspace)
        let drift = try DriftReport.decode(Data(contentsOf: URL(fileURLWithPath: "\(workspace)/drift.json")))
        #expect(!drift.hasDrift)
        let issue = try String(contentsOfFile: "\(workspace)/drift.md", encoding: .utf8)
        #expect(issue.hasPrefix(DriftRenderer.issueMarker))
    }

    @Test func anUnsafePlanFailsThePullRequestUntilALabelAllowsIt() throws {
        let recipe = try #require(try Self.load()["github"])
        let line = try #require(recipe.jobs["plan"]?.last)
        let workspace = try Self.workspace(manifest: Self.unsafe, seed: Self.unsafeSeed)
        let refused = try Self.run(["bash", "-c", line], in: workspace, environment: Self.environment(recipe))
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("the plan is unsafe; apply would refuse it"))
        let comment = try String(contentsOfFile: "\(workspace)/plan.md", encoding: .utf8)
        #expect(comment.contains("Apply refuses unless run with `--allow corp:deprovision`"), "reviewers see why")
        var allowed = Self.environment(recipe)
        allowed["ALLOW_FLAGS"] = "--allow corp:deprovision"
        let passed = try Self.run(["bash", "-c", line], in: workspace, environment: allowed)
        #expect(passed.status == 0, "\(passed.output)")
        let again = try String(contentsOfFile: "\(workspace)/plan.md", encoding: .utf8)
        #expect(again.contains("Allowed for this change (`--allow corp:deprovision`)"))
    }

    /// Runs a job's roster lines in order; each must exit 0.
    static func runJob(_ recipe: Recipe, _ job: String, in workspace: String) throws {
        for line in recipe.jobs[job] ?? [] {
            let result = try run(["bash", "-c", line], in: workspace, environment: environment(recipe))
            #expect(result.status == 0, "\(job): \(line)\n\(result.output)")
        }
    }

    /// The recipe's variables (secrets replaced by a placeholder) and the built roster first on PATH.
    static func environment(_ recipe: Recipe) -> [String: String] {
        var environment = recipe.environment.mapValues { $0.contains("${{") ? "from-ci-secrets" : $0 }
        let binary = (RosterCLI().executable as NSString).deletingLastPathComponent
        environment["PATH"] = binary + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    /// A repository checkout: `manifests/` holding the minimal example (or the given manifest and seed).
    static func workspace(manifest: String? = nil, seed: String? = nil) throws -> String {
        let workspace = try temporaryDirectory("roster-ci")
        let manifests = "\(workspace)/manifests"
        if let manifest, let seed {
            try FileManager.default.createDirectory(atPath: manifests, withIntermediateDirectories: true)
            try write(manifest, to: "roster.yaml", in: manifests)
            try write(seed, to: "seed.json", in: manifests)
        } else {
            try FileManager.default.moveItem(atPath: try ExampleTests.copy("minimal"), toPath: manifests)
        }
        return workspace
    }

    /// Runs a command to completion in `directory`; output is standard output and error together.
    static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("roster-ci-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    static let unsafe = """
        version: 1
        policy: { limits: { minPopulation: 1 } }
        providers:
          corp: { type: scim, endpoint: "emulator:", emulator: { seed: seed.json } }
        people:
          - { userName: keep@acme.example, givenName: Keep, familyName: Me, accounts: { corp: {} } }

        """

    static let unsafeSeed = """
        {"users": [
          {"userName": "keep@acme.example", "externalId": "roster:keep@acme.example",
           "name": {"givenName": "Keep", "familyName": "Me"}, "displayName": "Keep Me"},
          {"userName": "one@acme.example", "externalId": "roster:one@acme.example"},
          {"userName": "two@acme.example", "externalId": "roster:two@acme.example"},
          {"userName": "three@acme.example", "externalId": "roster:three@acme.example"}
        ]}
        """
}
