import RosterModel

extension HumanPlanRenderer {
    /// Errors, warnings and notes, then unsafe changes, each with what to do; empty when there is nothing to say.
    ///
    /// A closing verdict follows when apply would refuse the plan.
    func problemLines(_ document: PlanDocument, _ style: PlanTextStyle) -> [String] {
        var lines: [String] = []
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            for diagnostic in document.diagnostics where diagnostic.severity == severity {
                lines += Self.lines(for: diagnostic, style)
            }
        }
        for violation in document.violations { lines += Self.lines(for: violation, style) }
        let errors = document.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            lines.append("")
            let them = errors == 1 ? "it is" : "they are"
            let verdict = "The plan has \(PlanFormat.count(errors, "error")); apply refuses it until \(them) fixed."
            lines.append(style.paint(verdict, .error))
        }
        return lines
    }

    /// `Error: <message> [code]`, then where, the hint, and related places.
    static func lines(for diagnostic: PlanDocument.DiagnosticEntry, _ style: PlanTextStyle) -> [String] {
        let label: String
        let role: PlanTextStyle.Role
        switch diagnostic.severity {
        case .error: (label, role) = ("Error:", .error)
        case .warning: (label, role) = ("Warning:", .warning)
        case .note: (label, role) = ("Note:", .emphasis)
        }
        var lines = [style.paint(label, role) + " \(diagnostic.message) [\(diagnostic.code)]"]
        if let location = diagnostic.location { lines.append("  at \(location)") }
        if let hint = diagnostic.hint { lines.append("  hint: \(hint)") }
        lines += diagnostic.related.map { "  see also \($0)" }
        return lines
    }

    /// `Unsafe: corp: <message>`, then the flag that allows it, or why nothing can.
    static func lines(for violation: PlanDocument.ViolationEntry, _ style: PlanTextStyle) -> [String] {
        let head = style.paint("Unsafe:", .error) + " \(violation.provider): \(violation.message)"
        switch violation.kind {
        case .lockout:
            return [
                head,
                "  this is never allowed: change the manifests or the protect list so an administrator keeps access",
            ]
        case .deprovision, .assignmentRemoval, .delete:
            return [head, "  apply refuses this plan unless allowed: roster apply --allow \(violation.allowance)"]
        }
    }
}
