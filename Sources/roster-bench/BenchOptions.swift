import ArgumentParser

/// `roster-bench`'s command line.
struct BenchOptions: ParsableArguments {
    /// The stages a run can measure.
    enum Stage: String, CaseIterable, ExpressibleByArgument {
        case plan, reads, apply
    }

    @Argument(help: "Org sizes (people) to plan; default 1000 10000 50000 (1000 10000 with --quick).")
    var sizes: [Int] = []

    @Option(name: .customLong("json"), help: "Also write every figure as JSON to this file.")
    var jsonPath: String?

    @Flag(help: "Smaller run for a quick look: sizes 1000 10000, 10,000 reads, 20 changes per apply.")
    var quick = false

    @Option(help: "Changes per vendor apply (default 100; 400 for Genesys and Five9 so their per-minute windows fill).")
    var applyChanges: Int?

    @Option(name: .customLong("reads"), help: "People in the loopback read measurement (default 50000).")
    var readPeople: Int?

    @Option(help: "Page size of the loopback read measurement.")
    var pageSize = 100

    @Option(help: "Python with scim2-client for the reference client (see scripts/bench-reference.py).")
    var python = "python3"

    @Option(help: "Stages to run, comma-separated: plan, reads, apply (default all).")
    var only: String?

    @Option(
        name: .customLong("providers"),
        help: "Providers to plan, comma-separated (default all six: five9, genesys, webex, talkdesk, x8, corp).")
    var providerList: String?

    @Option(help: .hidden)
    var single: Int?

    /// The providers the plan stage plans, in table order.
    var providers: [String] {
        guard let providerList else { return SyntheticOrg.providers }
        let named = Set(providerList.split(separator: ",").map(String.init))
        return SyntheticOrg.providers.filter(named.contains)
    }

    /// The sizes to plan.
    var planSizes: [Int] {
        if !sizes.isEmpty { return sizes }
        return quick ? [1_000, 10_000] : [1_000, 10_000, 50_000]
    }

    /// People in the read measurement.
    var readsPeople: Int { readPeople ?? (quick ? 10_000 : 50_000) }

    /// The stages to run.
    var stages: Set<Stage> { (try? Self.stages(only)) ?? [] }

    func validate() throws {
        _ = try Self.stages(only)
        let unknown = (providerList?.split(separator: ",").map(String.init) ?? []).filter {
            !SyntheticOrg.providers.contains($0)
        }
        guard unknown.isEmpty else {
            throw ValidationError(
                "unknown provider \(unknown.joined(separator: ", ")); the org has "
                    + SyntheticOrg.providers.joined(separator: ", "))
        }
        let counts = sizes + [applyChanges, readPeople, pageSize, single].compactMap { $0 }
        guard counts.allSatisfy({ $0 > 0 }) else { throw ValidationError("sizes and counts must be positive") }
    }

    /// Changes for one vendor's apply.
    func changes(for vendor: String) -> Int {
        if let applyChanges { return applyChanges }
        if quick { return 20 }
        // Enough to fill the per-minute windows: Genesys 300 requests, Five9 140 modify calls.
        return vendor == "genesys" || vendor == "five9" ? 400 : 100
    }

    private static func stages(_ text: String?) throws -> Set<Stage> {
        guard let text else { return Set(Stage.allCases) }
        return try Set(
            text.split(separator: ",").map { name in
                guard let stage = Stage(rawValue: String(name)) else {
                    throw ValidationError("unknown stage '\(name)'; stages are plan, reads, apply")
                }
                return stage
            })
    }
}
