import Foundation

/// Writes XML into a growing byte buffer, escaping text; fast enough to write 50,000 users (about 250 MB with full
/// permission lists) in well under a second, and handing the buffer to `Data` without copying it.
///
/// A writer owns its buffer: do not copy a writer and write to both copies.
struct XMLWriter {
    private let storage: XMLByteStorage

    init(capacity: Int = 1_024) {
        storage = XMLByteStorage(capacity: capacity)
    }

    /// The number of bytes written so far.
    var count: Int { storage.count }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    /// Makes room for `count` more bytes.
    mutating func reserve(_ count: Int) {
        storage.ensure(count)
    }

    /// Removes the last byte written.
    mutating func dropLast() {
        storage.count -= 1
    }

    /// The bytes as `Data`, taking over the buffer; the writer must not be used afterwards.
    consuming func data() -> Data {
        storage.takeData()
    }

    /// Appends markup as is.
    mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { storage.append($0) }
    }

    /// Appends bytes as is.
    mutating func raw(_ markup: [UInt8]) {
        markup.withUnsafeBufferPointer { storage.append($0) }
    }

    /// `<name>`.
    mutating func open(_ name: String) {
        storage.append(UInt8(ascii: "<"))
        raw(name)
        storage.append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        storage.append(UInt8(ascii: "<"))
        storage.append(UInt8(ascii: "/"))
        raw(name)
        storage.append(UInt8(ascii: ">"))
    }

    /// `<name>text</name>` with the text escaped.
    mutating func element(_ name: String, _ text: String) {
        open(name)
        self.text(text)
        close(name)
    }

    /// `<name>text</name>` when `text` is set.
    mutating func element(_ name: String, ifSet text: String?) {
        if let text { element(name, text) }
    }

    /// Appends character data: `&`, `<`, `>` and carriage returns are escaped, characters XML 1.0 cannot carry
    /// become U+FFFD, and everything else (non-ASCII included) is written as UTF-8.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: Self.needsEscape) else { return storage.append(utf8) }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): raw("&amp;")
                case UInt8(ascii: "<"): raw("&lt;")
                case UInt8(ascii: ">"): raw("&gt;")
                case 0x0D: raw("&#13;")
                case 0x09, 0x0A: storage.append(byte)
                case 0..<0x20: raw([0xEF, 0xBF, 0xBD])
                default: storage.append(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte < 0x20
    }
}

/// The malloc'd buffer behind an `XMLWriter`.
private final class XMLByteStorage {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = malloc(self.capacity)?.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(base)
    }

    /// Makes room for `extra` more bytes (doubling, so appends are amortised O(1)).
    func ensure(_ extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        var grown = max(64, capacity * 2)
        while grown < needed { grown *= 2 }
        guard let moved = realloc(base, grown) else { fatalError("out of memory writing XML") }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }

    func append(_ byte: UInt8) {
        ensure(1)
        base![count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        ensure(bytes.count)
        (base! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Hands the buffer to `Data`, which frees it.
    func takeData() -> Data {
        guard let buffer = base, count > 0 else { return Data() }
        base = nil
        capacity = 0
        defer { count = 0 }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }
}
