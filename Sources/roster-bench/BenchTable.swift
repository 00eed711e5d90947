import Foundation

/// The stdout tables.
enum BenchTable {
    static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    static func planHeader(_ providers: [String]) -> String {
        """
        == Load+validate and plan: \(providers.count) providers (\(providers.joined(separator: ", "))), \
        in-process emulators, pace lifted
        people   manifest   load+valid  plan      steps    live users  peak memory
        """
    }

    static func row(_ m: Measurement) -> String {
        pad("\(m.people)", 9) + pad(String(format: "%.1f MB", Double(m.manifestBytes) / 1e6), 11)
            + pad(seconds(m.validateSeconds), 12) + pad(seconds(m.planSeconds), 10) + pad("\(m.planSteps)", 9)
            + pad("\(m.liveUsers)", 12) + String(format: "%.0f MB", m.peakMemoryMB)
    }

    /// Growth per 10× of people (1.0 = the same cost per person; linear growth keeps it near 1).
    static func growth(_ rows: [Measurement]) -> String {
        let pairs = zip(rows, rows.dropFirst())
        guard !rows.isEmpty, pairs.contains(where: { _ in true }) else { return "" }
        var text = "growth per 10x people (cost per person, later / earlier; 1.0 = linear):\n"
        for (a, b) in pairs {
            let scale = Double(b.people) / Double(a.people)
            func per10(_ x: Double, _ y: Double) -> String {
                String(format: "%.2f", (y / x) / scale)
            }
            text += "  \(a.people) -> \(b.people): load+validate \(per10(a.validateSeconds, b.validateSeconds)), "
            text += "plan \(per10(a.planSeconds, b.planSeconds)), memory \(per10(a.peakMemoryMB, b.peakMemoryMB))\n"
        }
        return text
    }

    static func reads(_ r: ReadMeasurement) -> String {
        var text = "== Reads over loopback: \(r.people) users, page size \(r.pageSize)\n"
        text += "client                         time      reads/s\n"
        text +=
            pad("roster (4 pages in flight)", 31) + pad(seconds(r.rosterSeconds), 10)
            + String(format: "%.0f", r.rosterReadsPerSecond) + "\n"
        text +=
            pad("roster (sequential)", 31) + pad(seconds(r.rosterSequentialSeconds), 10)
            + String(format: "%.0f", Double(r.people) / r.rosterSequentialSeconds) + "\n"
        if let reference = r.referenceSeconds, let ratio = r.ratio, let sequential = r.sequentialRatio {
            text +=
                pad("reference (scim2-client)", 31) + pad(seconds(reference), 10)
                + String(format: "%.0f", Double(r.people) / reference) + "\n"
            text += String(format: "ratio roster/reference: %.2f (sequential %.2f; target <= 1.2)", ratio, sequential)
        } else {
            text += "reference client not run: \(r.referenceError ?? "unknown")"
        }
        return text
    }

    static let applyHeader = """
        == Apply throughput over loopback, documented limits enforced
        provider  changes  applied  failed  requests  time      pace/s  achieved/s  share   429s  limit faults  2,000 changes
        """

    static func row(_ m: ApplyMeasurement) -> String {
        pad(m.provider, 10) + pad("\(m.changes)", 9) + pad("\(m.applied)", 9) + pad("\(m.failed)", 8)
            + pad("\(m.requests)", 10) + pad(String(format: "%.1f s", m.seconds), 10)
            + pad(String(format: "%.1f", m.configuredRate), 8) + pad(String(format: "%.2f", m.achievedRate), 12)
            + pad(String(format: "%.0f %%", m.share * 100), 8) + pad("\(m.tooManyRequests)", 6)
            + pad("\(m.limitFaults)", 14) + String(format: "~%.0f s", m.secondsFor2000)
    }
}
