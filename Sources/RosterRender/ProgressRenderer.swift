/// Renders one progress bar per provider for a terminal:
/// `corp      [#########-----------]  45/100  3 failed  4.0 req/s  ETA 14s`.
///
/// Columns line up across rows; the caller redraws the block in place.
public struct ProgressRenderer: Sendable {
    /// The bar's width in characters, between the brackets.
    public var barWidth: Int

    /// Creates a renderer.
    public init(barWidth: Int = 20) {
        self.barWidth = barWidth
    }

    /// One line per row, in the order given, without a trailing newline.
    public func render(_ rows: [ProviderProgress]) -> String {
        let nameWidth = max(8, rows.map(\.name.count).max() ?? 0)
        let countWidth = rows.map { String($0.total).count }.max() ?? 1
        let failedWidth = rows.map { failedText($0).count }.max() ?? 0
        return rows.map { row in
            var columns = [
                PlanFormat.padded(row.name, to: nameWidth),
                "[" + bar(row) + "] " + PlanFormat.leftPadded(String(row.done), to: countWidth) + "/"
                    + PlanFormat.padded(String(row.total), to: countWidth),
            ]
            if failedWidth > 0 { columns.append(PlanFormat.padded(failedText(row), to: failedWidth)) }
            columns.append(PlanFormat.oneDecimal(row.requestsPerSecond) + " req/s")
            columns.append(
                row.done >= row.total ? "done" : row.etaSeconds.map { "ETA " + PlanFormat.duration($0) } ?? "")
            return Self.trimmed(columns.joined(separator: "  "))
        }.joined(separator: "\n")
    }

    /// `#########-----------`: finished steps as `#`, the rest as `-`.
    func bar(_ row: ProviderProgress) -> String {
        let share = row.total > 0 ? min(1, Double(max(row.done, 0)) / Double(row.total)) : 1
        let filled = Int((share * Double(barWidth)).rounded(.down))
        return String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
    }

    private func failedText(_ row: ProviderProgress) -> String { row.failed > 0 ? "\(row.failed) failed" : "" }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
