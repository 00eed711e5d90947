import Foundation
import RosterManifest
import RosterModel
import Testing

/// SplitMix64: a tiny deterministic generator, so a failing mutation can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Byte-level mutations that stress both the YAML layer and the manifest checks.
enum Mutator {
    static let tokens: [String] = [
        ":", "-", "\t", "\"", "'", "&a ", "*a", "<<: ", "{", "}", "[", "]", "\n", " ", "#", "~", "null", "0", "11",
        "@", "- ", ": {}", "true", "emulator:", "{ env: X }", "userName", "five9", "\u{FEFF}", "é", "\u{0}",
    ]

    static func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: bytes.remove(at: index)
            case 1:
                let end = min(bytes.count, index + Int.random(in: 1...40, using: &random))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            case 2: bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 3: bytes.insert(contentsOf: Array(tokens.randomElement(using: &random)!.utf8), at: index)
            case 4: bytes = Array(bytes[..<index])
            case 5: bytes[index] = UInt8.random(in: 0...255, using: &random)
            default:
                let other = Int.random(in: 0..<bytes.count, using: &random)
                bytes.swapAt(index, other)
            }
        }
        return bytes
    }
}

@Suite("Fuzzing the loader with mutated examples")
struct FuzzTests {
    static let seeds: [(String, [UInt8])] = TestPaths.yamlFiles(under: TestPaths.repository("examples")).compactMap {
        path in FileManager.default.contents(atPath: path).map { (path, Array($0)) }
    }

    @Test("thousands of mutations always give diagnostics or a state, never a crash")
    func mutations() {
        #expect(Self.seeds.count >= 10)
        var random = SeededGenerator(seed: 0x5EED_0F_2026)
        var outcomes = (valid: 0, invalid: 0)
        for iteration in 0..<4000 {
            let (path, bytes) = Self.seeds[iteration % Self.seeds.count]
            let mutated = Mutator.mutate(bytes, &random)
            let result = ManifestLoader().load(bytes: mutated, path: path)
            #expect((result.desired == nil) == result.hasErrors)
            #expect(result.desired != nil || !result.diagnostics.isEmpty)
            if result.desired == nil { outcomes.invalid += 1 } else { outcomes.valid += 1 }
        }
        #expect(outcomes.invalid > 1000)
    }

    @Test("mutating one file of the contact-center directory at a time")
    func directoryMutations() throws {
        let source = TestPaths.repository("examples/contact-center")
        let files = TestPaths.yamlFiles(under: source)
        let directory = try TemporaryDirectory()
        var originals: [String: [UInt8]] = [:]
        for file in files {
            let relative = String(file.dropFirst(source.count + 1))
            let bytes = Array(FileManager.default.contents(atPath: file) ?? Data())
            originals[relative] = bytes
            try directory.write(relative, bytes: bytes)
        }
        // Emulator seeds the manifests name are copied as they are; only the manifests are mutated.
        for seed in TestPaths.files(under: source, suffixes: [".json"]) {
            try directory.write(
                String(seed.dropFirst(source.count + 1)),
                bytes: Array(FileManager.default.contents(atPath: seed) ?? Data()))
        }
        var random = SeededGenerator(seed: 42)
        let names = originals.keys.sorted()
        for _ in 0..<300 {
            let name = names.randomElement(using: &random)!
            try directory.write(name, bytes: Mutator.mutate(originals[name]!, &random))
            let result = ManifestLoader().load(path: directory.path)
            #expect((result.desired == nil) == result.hasErrors)
            try directory.write(name, bytes: originals[name]!)
        }
        #expect(ManifestLoader().load(path: directory.path).diagnostics == [])
    }
}
