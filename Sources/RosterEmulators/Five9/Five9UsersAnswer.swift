import Foundation

/// The `return` elements of a `getUsersInfo` or `getUsersGeneralInfo` answer, written from a snapshot of the store
/// about a megabyte at a time as the answer is read.
///
/// With full permission lists a user is about 5 KB of XML, so 50,000 users are about 250 MB: written whole, the
/// answer alone would outweigh everything else an emulator holds.
struct Five9UsersAnswer: Sendable {
    /// The size a piece grows to before it is handed over.
    static let pieceSize = 1 << 20

    /// The domain as it was when the call was answered.
    let store: Five9Store
    /// The matching users, in creation order.
    let userNames: [String]
    /// `getUsersGeneralInfo`: general info only.
    let general: Bool
    /// Whether roles list every permission type (see `Five9ResponseEncoder`).
    let fullPermissionLists: Bool

    /// The pieces, in order.
    func pieces() -> AnyIterator<Data> {
        var encoder = Five9ResponseEncoder(fullPermissionLists: fullPermissionLists)
        var index = 0
        return AnyIterator {
            guard index < userNames.count else { return nil }
            var out = XMLWriter(capacity: Self.pieceSize + 16_384)
            while index < userNames.count, out.count < Self.pieceSize {
                if let user = store.users[userNames[index]] { write(user, encoder: &encoder, into: &out) }
                index += 1
            }
            return out.data()
        }
    }

    /// Writes every user into `out`.
    func write(into out: inout XMLWriter) {
        var encoder = Five9ResponseEncoder(fullPermissionLists: fullPermissionLists)
        for name in userNames {
            if let user = store.users[name] { write(user, encoder: &encoder, into: &out) }
        }
    }

    private func write(_ user: Five9User, encoder: inout Five9ResponseEncoder, into out: inout XMLWriter) {
        out.open("return")
        if general {
            encoder.generalInfo(user.general, into: &out)
        } else {
            encoder.userInfo(
                user, groups: store.groupNames(of: user.userName), skillID: { store.skills[$0]?.id }, into: &out)
        }
        out.close("return")
    }
}
