/// `roster-bench`'s command line.
struct BenchOptions {
    var sizes = [1_000, 10_000, 50_000]
    var jsonPath: String?
    var readPeople = 50_000
    var pageSize = 100
    var python = "python3"
    /// Changes per vendor apply; nil: 100, and 400 for Genesys and Five9 so their per-minute windows fill.
    var applyChanges: Int?
    var quick = false
    var stages: Set<String> = ["plan", "reads", "apply"]

    static let usage = """
        usage: roster-bench [N ...] [--json FILE] [--quick] [--apply-changes N] [--reads N] [--page-size N]
                            [--python PATH] [--only plan|reads|apply[,…]]
        """

    init(_ arguments: [String]) throws {
        var sizes: [Int] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            func value() throws -> String {
                guard let value = rest.popFirst() else { throw BenchError("\(argument) needs a value\n\(Self.usage)") }
                return value
            }
            func number() throws -> Int {
                guard let number = Int(try value()), number > 0 else {
                    throw BenchError("\(argument) needs a positive number")
                }
                return number
            }
            switch argument {
            case "--json": jsonPath = try value()
            case "--quick": quick = true
            case "--apply-changes": applyChanges = try number()
            case "--reads": readPeople = try number()
            case "--page-size": pageSize = try number()
            case "--python": python = try value()
            case "--only": stages = Set(try value().split(separator: ",").map(String.init))
            default:
                guard let size = Int(argument), size > 0 else {
                    throw BenchError("unknown argument \(argument)\n\(Self.usage)")
                }
                sizes.append(size)
            }
        }
        if !sizes.isEmpty { self.sizes = sizes } else if quick { self.sizes = [1_000, 10_000] }
        if quick, !arguments.contains("--reads") { readPeople = 10_000 }
    }

    /// Changes for one vendor's apply.
    func changes(for vendor: String) -> Int {
        if let applyChanges { return applyChanges }
        if quick { return 20 }
        // Enough to fill the per-minute windows: Genesys 300 requests, Five9 140 modify calls.
        return vendor == "genesys" || vendor == "five9" ? 400 : 100
    }
}
