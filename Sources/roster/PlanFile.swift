import Foundation
import Roster
import RosterModel
import RosterRender

/// Turns a plan result into the public document, and reads plan files back.
enum PlanFile {
    static func document(_ result: PlanResult, manifestPath: String) -> PlanDocument {
        var document = PlanDocument(
            plan: result.plan,
            metadata: PlanDocument.Metadata(
                rosterVersion: RosterVersion.current, createdAt: Date(), manifestDigest: result.manifestDigest,
                manifestPath: manifestPath))
        document.planDigest = planDigest(payload: document.digestPayload)
        return document
    }

    /// Whether a path names a plan file rather than manifests.
    static func isPlanFile(_ path: String) -> Bool {
        guard path.hasSuffix(".json"), let data = FileManager.default.contents(atPath: path) else { return false }
        return data.prefix(4096).range(of: Data("format_version".utf8)) != nil
    }

    static func read(_ path: String) throws -> (SavedPlan, manifestPath: String?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RosterError(.planFile, "cannot read plan file \(path)")
        }
        let document: PlanDocument
        do {
            document = try PlanDocument.decode(data)
        } catch {
            throw RosterError(.planFile, "\(path) is not a roster plan file: \(error)")
        }
        let saved = SavedPlan(
            plan: document.plan(), rosterVersion: document.rosterVersion,
            manifestDigest: document.manifestDigest, planDigest: document.planDigest,
            digestPayload: document.digestPayload, path: path)
        return (saved, document.manifestPath)
    }
}
