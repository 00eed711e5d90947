import RosterYAML
import Testing

@Suite struct YAMLMalformedTests {
    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var position: String
        var message: String
        var context: String? = nil
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ position: String, _ message: String, context: String? = nil) {
            self.init(name, bytes: Array(text.utf8), position, message, context: context)
        }

        init(_ name: String, bytes: [UInt8], _ position: String, _ message: String, context: String? = nil) {
            self.name = name
            self.bytes = bytes
            self.position = position
            self.message = message
            self.context = context
        }
    }

    static let cases: [MalformedCase] = [
        MalformedCase(
            "tab indentation", "a:\n\tb: 1\n", "2:1",
            "found character that cannot start any token (a tab); indent with spaces, YAML does not allow tabs in "
                + "indentation",
            context: "while scanning for the next token at line 2, column 1"),
        MalformedCase(
            "tab after a plain scalar", "key: value\n\tother: 2\n", "2:1",
            "found a tab character that violates indentation; indent with spaces, YAML does not allow tabs in "
                + "indentation",
            context: "while scanning a plain scalar at line 1, column 6"),
        MalformedCase(
            "tab after a dash", "a:\n  - 1\n  -\t2\n", "3:4",
            "found character that cannot start any token (a tab); indent with spaces, YAML does not allow tabs in "
                + "indentation",
            context: "while scanning for the next token at line 3, column 4"),
        MalformedCase(
            "dedented key", "a:\n  b: 1\n c: 2\n", "3:2",
            "did not find expected key; check the indentation of this line against the lines above",
            context: "while parsing a block mapping at line 1, column 1"),
        MalformedCase(
            "over-indented key", "a:\n  b: 1\n   c: 2\n", "3:5",
            "mapping values are not allowed in this context; quote values that contain ': ', or fix the indentation"),
        MalformedCase(
            "mapping after a sequence", "- a\nb: 1\n", "2:1",
            "did not find expected '-' indicator; check the indentation of this line against the lines above",
            context: "while parsing a block collection at line 1, column 1"),
        MalformedCase(
            "colon in a plain value", "title: a: b\n", "1:9",
            "mapping values are not allowed in this context; quote values that contain ': ', or fix the indentation"),
        MalformedCase(
            "unterminated single quote", "a: 'open\nb: 2\n", "3:1",
            "found unexpected end of stream; a quote or bracket is probably not closed",
            context: "while scanning a quoted scalar at line 1, column 4"),
        MalformedCase(
            "unterminated double quote", "a: 1\nb: \"open\n", "3:1",
            "found unexpected end of stream; a quote or bracket is probably not closed",
            context: "while scanning a quoted scalar at line 2, column 4"),
        MalformedCase(
            "unclosed flow sequence", "a: [1, 2\n", "2:1",
            "did not find expected ',' or ']'; close the list with ']' and separate its items with ','",
            context: "while parsing a flow sequence at line 1, column 4"),
        MalformedCase(
            "reserved indicator", "a: @foo\n", "1:4",
            "found character that cannot start any token; quote values that start with '@' or '`'",
            context: "while scanning for the next token at line 1, column 4"),
        MalformedCase(
            "unclosed flow mapping", "a: { b: 1\nc: 2\n", "2:2",
            "did not find expected ',' or '}'; close the mapping with '}' and separate its entries with ','",
            context: "while parsing a flow mapping at line 1, column 4"),
        MalformedCase(
            "key without a colon", "a: 1\nb\nc: 2\n", "3:1",
            "could not find expected ':'; put ': ' after the key, or quote the text if it is not a key",
            context: "while scanning a simple key at line 2, column 1"),
        MalformedCase(
            "unknown escape", "a: \"x\\qy\"\n", "1:6", "found unknown escape character",
            context: "while parsing a quoted scalar at line 1, column 4"),
        MalformedCase(
            "undefined tag handle", "a: !e!x y\n", "1:4", "found undefined tag handle",
            context: "while parsing a node at line 1, column 4"),
        MalformedCase(
            "invalid leading byte", bytes: Array("a: 1\nb: x".utf8) + [0xFF, 0x0A], "2:5",
            "invalid leading UTF-8 octet (byte 0xFF); save the file as UTF-8"),
        MalformedCase(
            "stray continuation byte after a multibyte character", bytes: Array("a: 1\nb: é".utf8) + [0x80], "2:5",
            "invalid leading UTF-8 octet (byte 0x80); save the file as UTF-8"),
        MalformedCase(
            "invalid trailing byte", bytes: Array("ab: ".utf8) + [0xC3, 0x28], "1:6",
            "invalid trailing UTF-8 octet (byte 0x28); save the file as UTF-8"),
        MalformedCase(
            "truncated multibyte character", bytes: Array("a: 1\nbé: x".utf8) + [0xC3], "2:6",
            "incomplete UTF-8 octet sequence; save the file as UTF-8"),
        MalformedCase(
            "UTF-16 is not UTF-8", bytes: [0xFF, 0xFE, 0x61, 0x00], "1:1",
            "invalid leading UTF-8 octet (byte 0xFF); save the file as UTF-8"),
        MalformedCase(
            "NUL byte", bytes: Array("a: 1\nb: x".utf8) + [0x00, 0x0A], "2:5",
            "control characters are not allowed (U+0000); remove it; manifests are plain text"),
        MalformedCase(
            "control character after a BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nbb: ".utf8) + [0x07], "2:5",
            "control characters are not allowed (U+0007); remove it; manifests are plain text"),
        MalformedCase(
            "binary garbage", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], "1:1",
            "control characters are not allowed (U+007F); remove it; manifests are plain text"),
        MalformedCase(
            "binary garbage after text", bytes: Array("ELF: ".utf8) + [0x02, 0x01, 0x00], "1:6",
            "control characters are not allowed (U+0002); remove it; manifests are plain text"),
        MalformedCase(
            "CRLF line endings count as one line", bytes: Array("a: 1\r\nb: 2\r\nc: x".utf8) + [0x01], "3:5",
            "control characters are not allowed (U+0001); remove it; manifests are plain text"),
        MalformedCase(
            "CR, NEL and LS break lines as libyaml counts them",
            bytes: Array("a: 1\rb: 2".utf8) + [0xC2, 0x85] + Array("c: 3\u{2028}é: x".utf8) + [0x1B], "4:5",
            "control characters are not allowed (U+001B); remove it; manifests are plain text"),
        MalformedCase(
            "tab hint after a multibyte line", "é: 1\n\tb: 2\n", "2:1",
            "found a tab character that violates indentation; indent with spaces, YAML does not allow tabs in "
                + "indentation",
            context: "while scanning a plain scalar at line 1, column 4"),
        MalformedCase(
            "hint found after multibyte characters on the same line", "k: [日本, @x]\n", "1:9",
            "found character that cannot start any token; quote values that start with '@' or '`'",
            context: "while scanning for the next token at line 1, column 9"),
    ]

    @Test(arguments: cases)
    func malformed(_ c: MalformedCase) throws {
        let error = try #require(parseError(c.bytes))
        #expect(error.position == c.position)
        #expect(error.message == c.message)
        #expect(error.context == c.context)
        #expect(error.mark.file == "t.yaml")
    }

    @Test func descriptionNamesFileLineColumnAndContext() throws {
        let error = try #require(parseError("a: 'open\n"))
        #expect(
            error.description
                == "t.yaml:2:1: found unexpected end of stream; a quote or bracket is probably not closed "
                + "(while scanning a quoted scalar at line 1, column 4)")
    }

    @Test func validDocumentsWithTabsInsideValuesParse() throws {
        let root = try #require(try parse("a: \"x\ty\"\nb: x\ty\n"))
        #expect(root["a"]?.scalarText == "x\ty")
        #expect(root["b"]?.scalarText == "x\ty")
    }
}
