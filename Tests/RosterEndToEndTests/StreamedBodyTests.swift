import Foundation
import RosterEmulators
import RosterModel
import RosterProviders
import Synchronization
import Testing

@testable import RosterHTTPClient

@Suite("Bodies handed over as they arrive")
struct StreamedBodyTests {
    @Test func aPipeDeliversEveryPieceInOrderWhileHoldingOnlyAFew() async throws {
        let pipe = BodyPipe(capacity: 2)
        let sent = (0..<200).map { Data("piece \($0);".utf8) }
        let receiver = Task {
            for piece in sent { await pipe.put(piece) }
            pipe.end(nil)
        }
        let read = try await StreamedBody.readOnOwnThread { Array(pipe.body) }
        await receiver.value
        #expect(read == sent)
        #expect(pipe.finish() == nil)
    }

    @Test func aReaderThatStopsEarlyDoesNotStrandTheReceiver() async throws {
        let pipe = BodyPipe(capacity: 1)
        let receiver = Task {
            for index in 0..<100 { await pipe.put(Data([UInt8(index)])) }
            pipe.end(nil)
        }
        let first = try await StreamedBody.readOnOwnThread { () -> Data? in
            let body = pipe.body
            defer { _ = body.finish() }
            return body.makeIterator().next()
        }
        #expect(first == Data([0]))
        await receiver.value
    }

    @Test func readingFinishesTheBodyEvenWhenTheReaderStopsEarly() async throws {
        let pipe = BodyPipe(capacity: 1)
        let receiver = Task {
            for index in 0..<50 { await pipe.put(Data([UInt8(index)])) }
            pipe.end(nil)
        }
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await pipe.body.read { _ in throw Refused() } }
        await receiver.value
    }

    @Test func aCollectedBodyStopsAtItsLimit() throws {
        let finished = Mutex(false)
        let body = StreamedBody(
            pieces: { AnyIterator([Data("abc".utf8), Data("defgh".utf8), Data("ij".utf8)].makeIterator()) },
            finish: {
                finished.withLock { $0 = true }
                return nil
            })
        #expect(try body.collected(limit: 5) == Data("abcde".utf8))
        #expect(finished.withLock { $0 })
        #expect(try body.collected() == Data("abcdefghij".utf8))
    }

    @Test func aBodyCutShortEndsWithItsError() async throws {
        let pipe = BodyPipe()
        let receiver = Task {
            await pipe.put(Data("<env:Envelope".utf8))
            pipe.end(TransportError(.connectionLost, "reset by peer"))
        }
        let read = try await StreamedBody.readOnOwnThread { Array(pipe.body) }
        await receiver.value
        #expect(read.count == 1)
        #expect((pipe.finish() as? TransportError)?.kind == .connectionLost)
    }

    @Test func onlyABodyThatMayWaitIsReadOnAThreadOfItsOwn() async throws {
        let here = pthread_self()
        let whole = try await StreamedBody(Data("<a/>".utf8)).read { _ in pthread_equal(pthread_self(), here) != 0 }
        #expect(whole)
        let pipe = BodyPipe()
        pipe.end(nil)
        #expect(pipe.body.waits)
        let piped = try await pipe.body.read { _ in pthread_equal(pthread_self(), here) != 0 }
        #expect(!piped)
    }

    @Test func aLargeFive9ListingIsReadOverHTTPAsItArrives() async throws {
        let users = (0..<1_500).map { #"{"userName": "u\#($0)@example.com", "roles": ["agent"]}"# }
        let seed = try VendorSeed(json: Data(#"{"vendor": {"users": [\#(users.joined(separator: ","))]}}"#.utf8))
        let emulator = try VendorEmulators.five9(seed: seed)
        try await withLoopbackEmulators(["five9": emulator]) { port in
            let transport = AsyncHTTPTransport(timeoutSeconds: 30)
            let client = Five9SOAPClient(
                provider: "five9",
                endpoint: Five9Endpoint(scheme: "http", authority: "127.0.0.1:\(port)", pathPrefix: "/five9"),
                transport: transport, username: Credential("admin"), password: Credential("admin-password"))
            let listed = try await client.usersInfo()
            try await transport.shutdown()
            #expect(listed.count == 1_500)
            #expect(listed.last?.generalInfo?.userName == "u1499@example.com")
        }
    }
}
