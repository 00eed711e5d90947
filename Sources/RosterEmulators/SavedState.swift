public import Foundation

/// Whether an emulator's state folder already holds a snapshot, in which case its seed's users and groups are not
/// used (every emulator, SCIM or Five9, keeps its snapshot under the same name).
public enum SavedState {
    /// Whether `folder` holds an emulator snapshot.
    public static func exists(in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(SCIMStateFolder.snapshotName).path)
    }
}
