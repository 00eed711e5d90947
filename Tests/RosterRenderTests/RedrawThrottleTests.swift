import Foundation
import RosterRender
import Testing

@Suite("Redraw throttle")
struct RedrawThrottleTests {
    @Test func drawsAtMostOneFramePerIntervalButAlwaysTheFirstAndForcedOnes() {
        // Binary fractions of a second, so the arithmetic is exact: events every 1/128 s, frames every 1/8 s.
        var throttle = RedrawThrottle(interval: 0.125)
        let start = Date(timeIntervalSince1970: 1_024)
        let frames = (0..<128).filter { throttle.admit(at: start.addingTimeInterval(Double($0) / 128)) }
        #expect(frames == [0, 16, 32, 48, 64, 80, 96, 112])
        let forced = throttle.admit(at: start.addingTimeInterval(113.0 / 128), force: true)
        let soonAfter = throttle.admit(at: start.addingTimeInterval(114.0 / 128))
        #expect(forced)
        #expect(!soonAfter)
    }
}
