public import Foundation

/// A response body written a piece at a time as it is read, so an answer of hundreds of megabytes (Five9's
/// `getUsersInfo` for 50,000 users) never sits in memory whole.
///
/// It is written from a snapshot taken when the request was answered, so reading it twice gives the same bytes, and
/// a change committed meanwhile is not in it (a server's answer does not change while it streams out either).
public struct ChunkedBody: Sequence, Sendable {
    private let chunks: @Sendable () -> AnyIterator<Data>

    /// A body whose pieces `chunks` writes, one fresh iterator per reading.
    public init(_ chunks: @escaping @Sendable () -> AnyIterator<Data>) {
        self.chunks = chunks
    }

    /// The pieces, in order; none of them is empty.
    public func makeIterator() -> AnyIterator<Data> {
        let iterator = chunks()
        return AnyIterator {
            while let chunk = iterator.next() {
                if !chunk.isEmpty { return chunk }
            }
            return nil
        }
    }

    /// The whole body.
    public func collected() -> Data {
        reduce(into: Data()) { $0.append($1) }
    }
}
