import Foundation
import RosterManifest
import RosterModel
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small valid manifest file to put next to the problem under test.
let validManifest = """
    version: 1
    providers:
      corp: { type: scim, endpoint: "emulator:" }
    people:
      - { userName: ana@acme.example, givenName: Ana, familyName: Lima, accounts: { corp: {} } }

    """

@Suite("Input problems are diagnostics, never crashes")
struct InputProblemTests {
    /// `code@line:column` for each diagnostic, with the file's name only.
    static func summary(_ result: ManifestLoadResult) -> [String] {
        result.diagnostics.map { d in
            let file = d.location.map { URL(fileURLWithPath: $0.file).lastPathComponent } ?? "-"
            return "\(d.severity.rawValue) \(d.code) \(file):\(d.location?.line ?? -1)"
        }
    }

    @Test("a path that does not exist")
    func missingPath() {
        let result = ManifestLoader().load(path: "/nonexistent/roster-\(UUID().uuidString)")
        #expect(result.diagnostics.map(\.code) == ["input-not-found"])
        #expect(result.diagnostics.first?.location?.line == 0)
        #expect(result.desired == nil)
        #expect(ManifestLoader().load(path: "").diagnostics.map(\.code) == ["input-not-found"])
    }

    @Test("a directory without manifests, and one with only hidden or other files")
    func emptyDirectory() throws {
        let directory = try TemporaryDirectory()
        #expect(ManifestLoader().load(path: directory.path).diagnostics.map(\.code) == ["no-manifests"])
        try directory.write(".hidden.yaml", "garbage: [")
        try directory.write(".roster/state.yaml", "garbage: [")
        try directory.write("notes.txt", "version: 1")
        let result = ManifestLoader().load(path: directory.path)
        #expect(result.diagnostics.map(\.code) == ["no-manifests"])
        #expect(result.files == [])
    }

    @Test("an empty file is skipped with a warning")
    func emptyFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.yaml", validManifest)
        try directory.write("b.yaml", "")
        try directory.write("c.yml", "# only a comment\n")
        let result = ManifestLoader().load(path: directory.path)
        #expect(Self.summary(result) == ["warning empty-file b.yaml:0", "warning empty-file c.yml:0"])
        #expect(result.desired != nil)
        #expect(result.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.yaml", "b.yaml", "c.yml"])
    }

    @Test("files over the size cap are refused with sizes in the message")
    func tooLarge() throws {
        let directory = try TemporaryDirectory()
        let small = try directory.write("small.yaml", String(repeating: "#", count: 200))
        let result = ManifestLoader(maxFileBytes: 100).load(path: small)
        #expect(result.diagnostics.map(\.message) == ["file too large (200 bytes, limit 100 bytes)"])
        let big = try directory.write("big.yaml", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: 70 << 20)
        try handle.close()
        let huge = ManifestLoader().load(path: big)
        #expect(huge.diagnostics.map(\.code) == ["file-too-large"])
        #expect(huge.diagnostics.map(\.message) == ["file too large (70 MB, limit 64 MB)"])
        #expect(
            ManifestLoader(maxFileBytes: 10).load(text: validManifest, path: "x.yaml").diagnostics.map(\.code)
                == ["file-too-large"])
    }

    @Test("non-UTF-8 content is reported at the first bad byte")
    func notUTF8() throws {
        let directory = try TemporaryDirectory()
        let latin1 = try directory.write("latin1.yaml", bytes: Array("version: 1\nname: Jos".utf8) + [0xE9, 0x0A])
        let result = ManifestLoader().load(path: latin1)
        #expect(result.diagnostics.map(\.code) == ["not-utf8"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: latin1, line: 2, column: 10))
        #expect(result.diagnostics.first?.message == "file is not valid UTF-8 (byte 0xE9)")
        let utf16 = try directory.write("utf16.yaml", bytes: [0xFF, 0xFE, 0x76, 0x00])
        #expect(
            ManifestLoader().load(path: utf16).diagnostics.map(\.message) == [
                "file is UTF-16 encoded; roster reads UTF-8"
            ])
        let bom = try directory.write("bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(validManifest.utf8))
        #expect(ManifestLoader().load(path: bom).diagnostics == [])
    }

    @Test("unreadable entries: a broken link, a FIFO, a file without read permission")
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.yaml", validManifest)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/broken.yaml", withDestinationPath: "nowhere")
        #expect(mkfifo(directory.path + "/pipe.yaml", 0o644) == 0)
        var expected = ["error unreadable broken.yaml:0", "error unreadable pipe.yaml:0"]
        if getuid() != 0 {
            let locked = try directory.write("locked.yaml", validManifest)
            #expect(chmod(locked, 0) == 0)
            expected.insert("error unreadable locked.yaml:0", at: 1)
        }
        let result = ManifestLoader().load(path: directory.path)
        #expect(Self.summary(result).sorted() == expected)
        #expect(result.desired == nil)
        #expect(
            Self.summary(ManifestLoader().load(path: directory.path + "/pipe.yaml")) == ["error unreadable pipe.yaml:0"]
        )
    }

    @Test("symbolic link loops are followed once and reported")
    func symlinkLoops() throws {
        let directory = try TemporaryDirectory()
        try directory.write("people/a.yaml", validManifest)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/people/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/self.yaml", withDestinationPath: "self.yaml")
        let result = ManifestLoader().load(path: directory.path)
        #expect(Self.summary(result) == ["warning symlink-loop loop:0", "warning symlink-loop self.yaml:0"])
        #expect(result.files == [directory.path + "/people/a.yaml"])
        #expect(result.desired != nil)
        let top = directory.path + "/top.yaml"
        try FileManager.default.createSymbolicLink(atPath: top, withDestinationPath: "top.yaml")
        #expect(ManifestLoader().load(path: top).diagnostics.map(\.code) == ["symlink-loop"])
    }

    @Test("a file or directory reached twice through links is read once")
    func duplicatePaths() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a/roster.yaml", validManifest)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/b", withDestinationPath: "a")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/c.yaml", withDestinationPath: "a/roster.yaml")
        let result = ManifestLoader().load(path: directory.path + "/")
        #expect(Self.summary(result) == ["warning duplicate-path b:0", "warning duplicate-path c.yaml:0"])
        #expect(result.files == [directory.path + "/a/roster.yaml"])
        #expect(result.desired != nil)
    }

    @Test("directories are searched recursively in path order; .yml counts")
    func order() throws {
        let directory = try TemporaryDirectory()
        try directory.write("z.yaml", "people: []\n")
        try directory.write("a/b.yml", "groups: []\n")
        try directory.write("a.yaml", validManifest)
        let result = ManifestLoader().load(path: directory.path)
        #expect(result.diagnostics == [])
        #expect(result.files.map { String($0.dropFirst(directory.path.count)) } == ["/a.yaml", "/a/b.yml", "/z.yaml"])
        #expect(Set(result.sources.keys) == Set(result.files))
    }

    @Test("a second YAML document in a file is an error")
    func secondDocument() {
        let result = ManifestLoader().load(text: validManifest + "---\nversion: 1\n", path: "two.yaml")
        #expect(result.diagnostics.map(\.code) == ["yaml"])
        #expect(result.diagnostics.first?.location?.line == 6)
    }
}

@Suite("Literal secrets never reach sources")
struct SecretMaskingTests {
    @Test("block scalars, CRLF files and unknown reference keys are masked")
    func masking() throws {
        let text = [
            "version: 1", "providers:", "  corp:", "    type: scim", "    endpoint: https://scim.acme.example/v2",
            "    credentials:", "      token: |", "        line-one-secret", "        line-two-secret",
            "  other:", "    type: webex", "    endpoint: \"emulator:\"",
            "    credentials: { token: { value: inline-secret } }", "",
        ].joined(separator: "\r\n")
        let result = ManifestLoader().load(text: text, path: "secrets.yaml")
        #expect(result.diagnostics.map(\.code) == ["literal-secret", "unknown-key"])
        let masked = try #require(result.sources["secrets.yaml"])
        for secret in ["line-one-secret", "line-two-secret", "inline-secret"] { #expect(!masked.contains(secret)) }
        #expect(masked.contains("  other:"))
        #expect(masked.contains("    type: webex"))
    }
}
