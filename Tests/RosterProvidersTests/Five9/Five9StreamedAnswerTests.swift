import Foundation
import HTTPTypes
import RosterProviders
import Synchronization
import Testing

/// Answers with a fixed status and text, handed over by `stream` in pieces of `sizes` bytes (cycled; 0 is an empty
/// piece).
final class PiecewiseTransport: HTTPTransport {
    let status: Int
    let text: String
    let sizes: [Int]
    private let handed = Mutex(0)

    init(_ answer: (Int, String), sizes: [Int]) {
        (status, text) = answer
        self.sizes = sizes
    }

    /// How many pieces were handed over.
    var piecesHanded: Int { handed.withLock { $0 } }

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        (HTTPResponse(status: .init(code: status)), Data(text.utf8))
    }

    func stream(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, StreamedBody) {
        var pieces: [Data] = []
        let bytes = Array(text.utf8)
        var (offset, turn) = (0, 0)
        while offset < bytes.count {
            let size = sizes[turn % sizes.count]
            pieces.append(Data(bytes[offset..<min(bytes.count, offset + size)]))
            (offset, turn) = (offset + size, turn + 1)
        }
        handed.withLock { $0 = pieces.count }
        let cut = pieces
        return (HTTPResponse(status: .init(code: status)), StreamedBody { AnyIterator(cut.makeIterator()) })
    }
}

@Suite("Five9 answers read in pieces")
struct Five9StreamedAnswerTests {
    /// A `getUsersInfo` answer with names outside ASCII and the permission lists the client passes over.
    static let usersAnswer = soapResponse(
        "getUsersInfo",
        (0..<40).map { index in
            "<return><agentGroups>Tier ñ\(index % 3)</agentGroups><generalInfo><active>true</active>"
                + "<firstName>Zoë\(index)</firstName><lastName>Ñandú &amp; Søn</lastName><userName>u\(index)@example.com"
                + "</userName></generalInfo><roles><agent><alwaysRecorded>false</alwaysRecorded>"
                + "<permissions><type>ReceiveTransfer</type><value>true</value></permissions>"
                + "<permissions><type>ManageAvailabilityBySkill</type><value>false</value></permissions>"
                + "</agent></roles></return>"
        }.joined())

    @Test(arguments: [[1], [7, 0, 13], [3, 1_000, 2]])
    func anAnswerCutAnywhereReadsLikeTheWholeAnswer(sizes: [Int]) async throws {
        let pieces = PiecewiseTransport(Self.usersAnswer, sizes: sizes)
        let read = try await five9Client(pieces).usersInfo()
        let whole = try await five9Client(SOAPScript { _ in Self.usersAnswer }).usersInfo()
        #expect(pieces.piecesHanded > 10)
        #expect(read.count == 40)
        #expect(read == whole)
        #expect(read.last?.generalInfo?.firstName == "Zoë39")
        #expect(read.first?.generalInfo?.lastName == "Ñandú & Søn")
    }

    @Test func aFaultInPiecesIsStillAFault() async throws {
        let fault = soapFault("UserNotFoundFault", "User nobody not found", [("userName", "nobody")])
        let pieces = PiecewiseTransport(fault, sizes: [5])
        await #expect(throws: Five9Fault.self) { try await five9Client(pieces).user(named: "nobody") }
    }

    @Test func aGatewayPageInPiecesIsTransientAndSaysItsSize() async throws {
        let page = "<html><body><h1>503 Service Unavailable</h1><hr></body></html>"
        let pieces = PiecewiseTransport((503, page), sizes: [4])
        let error = await #expect(throws: ProviderError.self) {
            try await five9Client(pieces, retry: RetryPolicy(maxAttempts: 1, baseDelay: .zero)).usersInfo()
        }
        #expect(error?.kind == .transient)
        #expect(error?.message.contains("(\(page.utf8.count) bytes)") == true)
    }
}
