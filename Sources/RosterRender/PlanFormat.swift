import Foundation

/// Small, deterministic text formatting shared by every renderer in this module.
enum PlanFormat {
    /// ISO 8601 in UTC with whole seconds: `2026-01-01T00:00:00Z`.
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    /// ISO 8601 in UTC with milliseconds, for event streams: `2026-01-01T00:00:00.250Z`.
    static func preciseTimestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }

    /// An estimate's duration: `<1s`, `14s`, `3m 20s`, `2h 5m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds >= 0.5 else { return seconds > 0 ? "<1s" : "0s" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return total % 60 == 0 ? "\(total / 60)m" : "\(total / 60)m \(total % 60)s" }
        let minutes = (total % 3600) / 60
        return minutes == 0 ? "\(total / 3600)h" : "\(total / 3600)h \(minutes)m"
    }

    /// A measured time: one decimal under a minute (`0.4s`, `12.5s`), else as `duration`.
    static func elapsed(_ seconds: Double) -> String {
        guard seconds < 59.95 else { return duration(seconds) }
        return decimal(seconds) + "s"
    }

    /// A non-negative number with at most one decimal, without a trailing `.0`: `4`, `0.5`, `12.5`.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((max(value, 0) * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// A number with exactly one decimal: `4.0`, `0.5`.
    static func oneDecimal(_ value: Double) -> String {
        let text = decimal(value)
        return text.contains(".") ? text : text + ".0"
    }

    /// `1 user`, `2 users`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// Pads `text` with spaces on the right to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Pads `text` with spaces on the left to `width` characters.
    static func leftPadded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// `"ana@acme.example"`: a key in double quotes, as addresses print them.
    static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
