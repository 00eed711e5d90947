import RosterModel

/// Refuses a plan file that was altered, written by another roster, or made from other manifests.
struct SavedPlanCheck {
    let saved: SavedPlan
    let manifestDigest: String

    func verifyIntegrity() throws {
        guard let claimed = saved.planDigest else {
            throw RosterError(
                .planFile, "\(saved.path) carries no plan digest; write plan files with `roster plan --out`")
        }
        guard claimed == planDigest(payload: saved.digestPayload) else {
            throw RosterError(
                .planFile,
                "\(saved.path) was modified after it was written (its content does not match its digest); make a new plan"
            )
        }
        guard saved.rosterVersion == RosterVersion.current else {
            throw RosterError(
                .planFile,
                "\(saved.path) was written by roster \(saved.rosterVersion); this is roster \(RosterVersion.current). Plan again with this version"
            )
        }
        guard saved.manifestDigest == manifestDigest else {
            throw RosterError(
                .planFile,
                "\(saved.path) was made from different manifests than the ones given (manifest digest \(saved.manifestDigest?.prefix(12) ?? "none") vs \(manifestDigest.prefix(12))); plan again from these manifests"
            )
        }
    }
}
