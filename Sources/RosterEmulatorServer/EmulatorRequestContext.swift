import Hummingbird
import NIOCore

/// The request context of the emulator server: Hummingbird's core storage plus the connection, which is needed
/// to drop a connection without answering.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
