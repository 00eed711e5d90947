/// One libyaml event, copied out of the C structure so the C memory can be freed at once.
enum YAMLEvent {
    /// Where an event starts, 1-based.
    struct Position {
        /// 1-based line.
        var line: Int
        /// 1-based column.
        var column: Int
    }

    /// Properties every node event may carry.
    struct Properties {
        /// Where the node starts (at its anchor or tag, if it has one).
        var position: Position
        /// The resolved explicit tag, such as `tag:yaml.org,2002:str`.
        var tag: String?
        /// The anchor name without `&`.
        var anchor: String?
    }

    /// `--- ` or the implicit start of the first document.
    case documentStart(Position)
    /// A scalar with its decoded text and style.
    case scalar(String, YAMLScalarStyle, Properties)
    /// `*name`.
    case alias(String, Position)
    /// The start of a sequence.
    case sequenceStart(Properties)
    /// The start of a mapping.
    case mappingStart(Properties)
    /// The end of the innermost open sequence or mapping.
    case collectionEnd
    /// The end of the stream: nothing follows.
    case streamEnd
    /// Stream start, document end: nothing to build.
    case ignored
}
