import Foundation
import RosterProviders

/// Carries a response body from the task receiving it to the thread reading it, a few pieces at a time.
///
/// The receiver waits (without blocking a thread) while `capacity` pieces are unread; the reader blocks its own
/// thread until a piece arrives (see `StreamedBody.readOnOwnThread`). A reader that stops early says so with
/// `finish()`, after which arriving pieces are dropped so the receiver can run to the end of the body.
final class BodyPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var pieces: [Data] = []
    private var blocked: (piece: Data, resume: CheckedContinuation<Void, Never>)?
    private var ended = false
    private var abandoned = false
    private var failure: (any Error)?

    /// A pipe holding at most `capacity` unread pieces.
    init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    /// Hands a piece over, waiting while the pipe is full.
    func put(_ piece: Data) async {
        await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
            condition.lock()
            defer { condition.unlock() }
            if abandoned {
                resume.resume()
            } else if pieces.count < capacity {
                pieces.append(piece)
                condition.signal()
                resume.resume()
            } else {
                blocked = (piece, resume)
            }
        }
    }

    /// Says the body is complete, or ended early with `error`.
    func end(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        failure = error
        condition.broadcast()
    }

    /// The next piece, blocking until one arrives; nil once the body has ended.
    func take() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while pieces.isEmpty && !ended { condition.wait() }
        guard !pieces.isEmpty else { return nil }
        let piece = pieces.removeFirst()
        if let (waiting, resume) = blocked {
            pieces.append(waiting)
            blocked = nil
            resume.resume()
        }
        return piece
    }

    /// Stops reading and returns the error that ended the body early, if it has.
    ///
    /// The rest of the body is dropped as it arrives.
    func finish() -> (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        abandoned = true
        pieces.removeAll()
        if let (_, resume) = blocked {
            blocked = nil
            resume.resume()
        }
        return failure
    }

    /// The pipe as the body its reader sees.
    var body: StreamedBody {
        StreamedBody(pieces: { AnyIterator { self.take() } }, waits: true, finish: { self.finish() })
    }
}
