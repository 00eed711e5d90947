import Foundation

/// An `InputStream` that reads a `StreamedBody` piece by piece, for `XMLParser(stream:)`.
///
/// `InputStream(data:)` would want the whole answer as one `Data` (a copy of it, in corelibs Foundation); this hands
/// the parser each piece as it is written.
final class StreamedBodyInput: InputStream {
    private let pieces: AnyIterator<Data>
    private var current = Data()
    private var offset = 0
    private var finished = false

    init(_ body: StreamedBody) {
        pieces = body.makeIterator()
        super.init(data: Data())
    }

    override var hasBytesAvailable: Bool {
        !finished
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        while offset == current.count {
            guard let next = pieces.next() else {
                finished = true
                return 0
            }
            (current, offset) = (next, 0)
        }
        let count = min(length, current.count - offset)
        let start = current.startIndex + offset
        current.copyBytes(to: buffer, from: start..<(start + count))
        offset += count
        return count
    }

    override func getBuffer(
        _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>
    ) -> Bool {
        false
    }
}
