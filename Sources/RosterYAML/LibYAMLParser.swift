internal import CLibYAML

/// Owns one libyaml event parser over a byte buffer and frees it on every path.
///
/// The parser lives at a fixed heap address because libyaml keeps pointers into it; the caller keeps `input`
/// alive for the lifetime of this object. Input is read as UTF-8 only (the caller drops a byte order mark), so a
/// UTF-16 file is reported as invalid UTF-8 rather than silently decoded, and every byte offset libyaml reports
/// is an offset into `input`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    let input: UnsafeBufferPointer<UInt8>
    let file: String

    /// Starts parsing `input` (not empty), which must stay valid until this object is gone.
    init(input: UnsafeBufferPointer<UInt8>, file: String) throws(YAMLError) {
        guard let base = input.baseAddress, !input.isEmpty else {
            throw YAMLError(message: "there is no input to parse", mark: YAMLMark(file: file, line: 1, column: 1))
        }
        self.input = input
        self.file = file
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            let mark = YAMLMark(file: file, line: 1, column: 1)
            throw YAMLError(message: "libyaml could not allocate a parser", mark: mark)
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event, copied into Swift values; the C event is deleted before returning.
    func next() throws(YAMLError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw currentError()
        }
        defer { yaml_event_delete(&event) }
        return Self.convert(&event)
    }

    /// libyaml's current error, with its problem, position and context.
    private func currentError() -> YAMLError {
        LibYAMLFailure(parser.pointee).error(input: input, file: file)
    }

    private static func convert(_ event: inout yaml_event_t) -> YAMLEvent {
        let position = YAMLEvent.Position(
            line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let properties = YAMLEvent.Properties(
                position: position, tag: string(scalar.tag), anchor: string(scalar.anchor))
            return .scalar(text, style(scalar.style), properties)
        case YAML_ALIAS_EVENT:
            return .alias(string(event.data.alias.anchor) ?? "", position)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return .sequenceStart(.init(position: position, tag: string(start.tag), anchor: string(start.anchor)))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return .mappingStart(.init(position: position, tag: string(start.tag), anchor: string(start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return .collectionEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(position)
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        default:
            return .ignored
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
