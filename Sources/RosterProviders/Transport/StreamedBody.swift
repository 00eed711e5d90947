public import Foundation

/// A response body handed over in pieces as it is read (see `HTTPTransport.stream`).
///
/// Read it once, then call `finish()`: a transport may be receiving the pieces while they are read, and reading may
/// block until the next one arrives, so read it off Swift's cooperative threads (`readOnOwnThread`).
public struct StreamedBody: Sequence, Sendable {
    private let pieces: @Sendable () -> AnyIterator<Data>
    private let done: @Sendable () -> (any Error)?

    /// A body whose pieces `pieces` hands over; `finish` is told when reading stops and returns the error that cut
    /// the body short, if any.
    public init(
        pieces: @escaping @Sendable () -> AnyIterator<Data>,
        finish: @escaping @Sendable () -> (any Error)? = { nil }
    ) {
        self.pieces = pieces
        self.done = finish
    }

    /// A body held whole, as one piece.
    public init(_ data: Data) {
        self.init(pieces: { AnyIterator(CollectionOfOne(data).makeIterator()) })
    }

    /// The pieces, in order.
    public func makeIterator() -> AnyIterator<Data> {
        pieces()
    }

    /// Says reading is over (whether or not every piece was read) and returns the error that ended the body
    /// early, for example a `TransportError` for a connection lost halfway.
    public func finish() -> (any Error)? {
        done()
    }

    /// The whole body.
    ///
    /// - Throws: The error that ended the body early.
    public func collected() throws -> Data {
        let data = reduce(into: Data()) { $0.append($1) }
        if let error = finish() { throw error }
        return data
    }

    /// Runs `read` (which reads a body) on a thread of its own, so that waiting for a piece never holds one of
    /// Swift's cooperative threads, which the transport may need to receive it.
    public static func readOnOwnThread<T: Sendable>(_ read: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try read() }) }.start()
        }
    }
}
