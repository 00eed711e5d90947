public import Foundation

/// A short, stable digest of a value's canonical JSON (FNV-1a, 64 bit).
///
/// It detects change, not tampering: plan integrity uses SHA-256 in the façade.
public enum Fingerprint {
    /// The fingerprint of a value, as 16 hex digits.
    public static func of(_ value: some Encodable) -> String {
        let data = (try? canonicalEncoder.encode(value)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A JSON encoder with sorted keys, so equal values always give equal bytes (one instance: making an encoder
    /// per fingerprint cost more than the encoding when a plan takes tens of thousands).
    public static let canonicalEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
