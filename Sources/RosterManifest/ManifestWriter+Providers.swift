import Foundation
import RosterYAML

/// The `providers` entries and the top-level `policy` of the existing manifests, as written.
struct SourceBlocks {
    /// Each provider's value node, by name; its marks name the file it was written in.
    var providers: [String: YAMLNode] = [:]
    /// The top-level policy block.
    var policy: YAMLNode?

    /// Reads the blocks from every manifest file's text.
    init(sources: [String: String]) throws(ImportError) {
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            let root: YAMLNode?
            do {
                root = try YAMLParser.parse(text, file: path)
            } catch {
                throw ImportError("cannot read \(path) again: \(error)")
            }
            guard let root else { continue }
            for pair in root["providers"]?.pairs ?? [] {
                if let name = pair.key.scalarText { providers[name] = pair.value }
            }
            if let policy = root["policy"] { self.policy = policy }
        }
    }
}

extension ManifestWriter {
    /// A copied block: mappings of its top level stay block style; small mappings and lists of scalars below it are
    /// written on one line; relative `seed` and `file` paths are rewritten to work from `output`.
    static func copied(_ node: YAMLNode, relocatedFor output: String) -> YAMLEmitter.Node {
        let relocated = relocate(node, for: output)
        guard let pairs = relocated.pairs else { return YAMLEmitter.Node(relocated, flow: isSmall) }
        return .mapping(
            pairs.map {
                YAMLEmitter.Pair(YAMLEmitter.Node($0.key, flow: isSmall), YAMLEmitter.Node($0.value, flow: isSmall))
            },
            flow: false)
    }

    /// A provider block whose `policy` says `adopt: true` (added, or replacing what the block said).
    static func adopting(_ block: YAMLNode) -> YAMLNode {
        guard var pairs = block.pairs else { return block }
        let mark = block.mark
        let adopt = YAMLPair(
            key: YAMLNode(.scalar("adopt", .plain), mark: mark), value: YAMLNode(.scalar("true", .plain), mark: mark))
        if let index = pairs.firstIndex(where: { $0.key.scalarText == "policy" }), var policy = pairs[index].value.pairs
        {
            policy.removeAll { $0.key.scalarText == "adopt" }
            policy.append(adopt)
            pairs[index].value = YAMLNode(.mapping(policy), mark: pairs[index].value.mark)
        } else {
            pairs.append(
                YAMLPair(
                    key: YAMLNode(.scalar("policy", .plain), mark: mark), value: YAMLNode(.mapping([adopt]), mark: mark)
                ))
        }
        return YAMLNode(.mapping(pairs), mark: mark, tag: block.tag)
    }

    /// Mappings of at most four scalars and lists of scalars read best on one line.
    static func isSmall(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar: return true
        case .sequence(let items): return items.allSatisfy { $0.scalarText != nil }
        case .mapping(let pairs): return pairs.count <= 4 && pairs.allSatisfy { $0.value.scalarText != nil }
        }
    }

    /// The node with every relative `seed:` and `file:` path rewritten from the file it was written in to `output`.
    static func relocate(_ node: YAMLNode, for output: String) -> YAMLNode {
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            return YAMLNode(.sequence(items.map { relocate($0, for: output) }), mark: node.mark, tag: node.tag)
        case .mapping(let pairs):
            let moved = pairs.map { pair -> YAMLPair in
                let key = pair.key.scalarText
                guard key == "seed" || key == "file", case .scalar(let path, let style) = pair.value.content else {
                    return YAMLPair(key: pair.key, value: relocate(pair.value, for: output))
                }
                let rewritten = relativePath(path, writtenIn: pair.value.mark.file, from: output)
                return YAMLPair(key: pair.key, value: YAMLNode(.scalar(rewritten, style), mark: pair.value.mark))
            }
            return YAMLNode(.mapping(moved), mark: node.mark, tag: node.tag)
        }
    }

    /// `path` as written in `source`, made relative to the folder of `output` (absolute paths stay as they are).
    static func relativePath(_ path: String, writtenIn source: String, from output: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let target = absolute(ManifestPaths.resolve(path, relativeTo: source)).split(separator: "/")
        let base = absolute((output as NSString).deletingLastPathComponent).split(separator: "/")
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A path made absolute against the current directory, `.` and `..` folded.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return ManifestPaths.normalize(full)
    }
}
