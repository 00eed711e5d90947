internal import CLibYAML

/// Writes YAML through libyaml's emitter, so quoting, escaping and indentation follow the spec rather than string
/// concatenation.
///
/// Output is UTF-8, with non-ASCII letters written as they are, no line folding, and no `---` or `...` markers.
/// The same tree always gives the same bytes.
public struct YAMLEmitter: Sendable {
    /// Spaces per indentation level (libyaml accepts 2 to 9).
    public var indent: Int

    /// Creates an emitter.
    ///
    /// - Parameter indent: Spaces per indentation level, 2 to 9.
    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// The YAML text of one document whose root is `root`, ending with a newline.
    ///
    /// - Throws: `YAMLEmitterError` with libyaml's problem (for example, a scalar that is not valid UTF-8).
    public func emit(_ root: Node) throws(YAMLEmitterError) -> String {
        let session = try LibYAMLEmitter(indent: indent)
        try session.emit { event in yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) }
        try session.emit { event in yaml_document_start_event_initialize(&event, nil, nil, nil, 1) }
        try session.node(root)
        try session.emit { event in yaml_document_end_event_initialize(&event, 1) }
        try session.emit { event in yaml_stream_end_event_initialize(&event) }
        return session.text
    }
}

/// Why libyaml refused to write a tree.
public struct YAMLEmitterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libyaml's problem, for example "expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS".
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { "cannot write YAML: \(message)" }
}

/// Owns one libyaml emitter writing into a Swift byte buffer, and frees it on every path.
final class LibYAMLEmitter {
    /// Where libyaml's write handler appends bytes.
    final class Output {
        var bytes: [UInt8] = []
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = Output()

    init(indent: Int) throws(YAMLEmitterError) {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw YAMLEmitterError(message: "libyaml could not allocate an emitter")
        }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, Int32(indent))
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(emitter, Self.write, Unmanaged.passUnretained(output).toOpaque())
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// What has been written so far.
    var text: String { String(decoding: output.bytes, as: UTF8.self) }

    /// libyaml's write handler: appends to the `Output` passed as `data`.
    private static let write: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32 = {
        data, buffer, size in
        guard let data else { return 0 }
        let output = Unmanaged<Output>.fromOpaque(data).takeUnretainedValue()
        if let buffer, size > 0 { output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size)) }
        return 1
    }

    /// Initialises one event with `make` and hands it to the emitter, which takes ownership of it.
    func emit(_ make: (inout yaml_event_t) -> Int32) throws(YAMLEmitterError) {
        var event = yaml_event_t()
        guard make(&event) == 1 else { throw YAMLEmitterError(message: "libyaml could not create an event") }
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
    }

    /// The events of one node and everything under it.
    func node(_ node: YAMLEmitter.Node) throws(YAMLEmitterError) {
        switch node {
        case .scalar(let text, let style):
            try scalar(text, style)
        case .sequence(let items, let flow):
            let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            try emit { event in yaml_sequence_start_event_initialize(&event, nil, nil, 1, style) }
            for item in items { try self.node(item) }
            try emit { event in yaml_sequence_end_event_initialize(&event) }
        case .mapping(let pairs, let flow):
            let style = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            try emit { event in yaml_mapping_start_event_initialize(&event, nil, nil, 1, style) }
            for pair in pairs {
                try self.node(pair.key)
                try self.node(pair.value)
            }
            try emit { event in yaml_mapping_end_event_initialize(&event) }
        }
    }

    /// One scalar event; libyaml copies the text, so the buffer only lives for the call.
    private func scalar(_ text: String, _ style: YAMLScalarStyle) throws(YAMLEmitterError) {
        let bytes = Array(text.utf8) + [0]
        let cStyle = Self.style(style)
        try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLEmitterError) in
            try emit { event in
                yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, Int32(bytes.count - 1), 1, 1, cStyle)
            }
        }
    }

    private static func style(_ style: YAMLScalarStyle) -> yaml_scalar_style_t {
        switch style {
        case .plain: YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: YAML_LITERAL_SCALAR_STYLE
        case .folded: YAML_FOLDED_SCALAR_STYLE
        }
    }

    /// libyaml's problem, or a generic message when it gives none.
    private func failure() -> YAMLEmitterError {
        let problem = emitter.pointee.problem.map { String(cString: $0) }
        return YAMLEmitterError(message: problem ?? "libyaml's emitter failed")
    }
}
