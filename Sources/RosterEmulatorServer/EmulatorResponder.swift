import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RosterEmulators

/// Routes `/<name>/<rest>` to the handler called `<name>` with path `/<rest>` (query kept), and turns its answer
/// into a Hummingbird response.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    /// Thrown after closing a connection for a response marked `dropConnection`.
    struct DroppedConnection: Error {}

    let handlers: [String: any EmulatorHandler]
    /// The largest request body accepted.
    let maxBodySize: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        let (name, rest) = Self.split(target)
        guard let handler = handlers[name] else { return notFound(name) }
        var request = request
        let buffer = try await request.collectBody(upTo: maxBodySize)
        var head = request.head
        head.path = rest
        head.scheme = head.scheme ?? "http"
        head.headerFields[HTTPField.Name("X-Forwarded-Prefix")!] = "/\(name)"
        let answer = await handler.handle(head, body: Data(buffer.readableBytesView))
        if answer.dropConnection {
            try? await context.channel.close()
            throw DroppedConnection()
        }
        guard let chunks = answer.chunks else {
            return Response(
                status: answer.head.status, headers: answer.head.headerFields,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        // Written out as it is produced (chunked transfer), a piece at a time.
        return Response(
            status: answer.head.status, headers: answer.head.headerFields,
            body: ResponseBody { writer in
                for chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            })
    }

    /// `/scim/Users?count=1` → (`scim`, `/Users?count=1`); the name is percent-decoded.
    static func split(_ target: String) -> (name: String, rest: String) {
        let withoutSlash = target.drop { $0 == "/" }
        let end = withoutSlash.firstIndex { $0 == "/" || $0 == "?" } ?? withoutSlash.endIndex
        let name = String(withoutSlash[..<end])
        var rest = String(withoutSlash[end...])
        if !rest.hasPrefix("/") { rest = "/" + rest }
        return (name.removingPercentEncoding ?? name, rest)
    }

    private func notFound(_ name: String) -> Response {
        let names = handlers.keys.sorted().map { "/\($0)/" }.joined(separator: ", ")
        let detail = "no emulator named '\(name)'; this server has \(names.isEmpty ? "none" : names)"
        let escaped = detail.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let body = #"{"status":"404","detail":"\#(escaped)"}"#
        return Response(
            status: .notFound, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
