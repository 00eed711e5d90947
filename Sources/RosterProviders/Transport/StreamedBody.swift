public import Foundation

/// A response body handed over in pieces as it is read (see `HTTPTransport.stream`).
///
/// Read it once (`read(_:)`), then call `finish()`: a transport may be receiving the pieces while they are read.
public struct StreamedBody: Sequence, Sendable {
    private let pieces: @Sendable () -> AnyIterator<Data>
    private let done: @Sendable () -> (any Error)?
    /// Whether asking for a piece may block until it arrives (a body still being received over the network).
    public let waits: Bool

    /// A body whose pieces `pieces` hands over; `finish` is told when reading stops and returns the error that cut
    /// the body short, if any.
    ///
    /// - Parameter waits: Asking for a piece may block until it arrives; such a body is read on a thread of its own.
    public init(
        pieces: @escaping @Sendable () -> AnyIterator<Data>, waits: Bool = false,
        finish: @escaping @Sendable () -> (any Error)? = { nil }
    ) {
        self.pieces = pieces
        self.waits = waits
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

    /// The body, whole or its first `limit` bytes.
    ///
    /// - Throws: The error that ended the body early.
    public func collected(limit: Int = .max) throws -> Data {
        var data = Data()
        let pieces = makeIterator()
        while data.count < limit, let piece = pieces.next() { data.append(piece.prefix(limit - data.count)) }
        if let error = finish() { throw error }
        return data
    }

    /// Reads the body with `read`: right here when no piece has to be waited for, otherwise on a thread of its own
    /// (`readOnOwnThread`).
    ///
    /// The body is finished afterwards even if `read` did not read it all (or threw), so a transport still receiving
    /// it can drop the rest.
    public func read<T: Sendable>(_ read: @escaping @Sendable (StreamedBody) throws -> T) async throws -> T {
        defer { _ = finish() }
        guard waits else { return try read(self) }
        return try await Self.readOnOwnThread { try read(self) }
    }

    /// Runs `read` (which reads a body) on a thread of its own, so that waiting for a piece never holds one of
    /// Swift's cooperative threads, which the transport may need to receive it.
    public static func readOnOwnThread<T: Sendable>(_ read: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try read() }) }.start()
        }
    }
}
