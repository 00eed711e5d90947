public import Foundation

/// Limits how often a live display redraws, so a 10,000-step apply does not repaint the terminal 10,000 times.
///
/// The first frame and forced frames (the last one) always draw.
public struct RedrawThrottle: Sendable {
    /// The shortest time between two frames.
    public let interval: TimeInterval
    private var last: Date?

    /// Creates a throttle; the default is ten frames a second.
    public init(interval: TimeInterval = 0.1) {
        self.interval = interval
    }

    /// Whether to draw a frame at `now`; records it when so.
    public mutating func admit(at now: Date, force: Bool = false) -> Bool {
        if !force, let last, now.timeIntervalSince(last) < interval { return false }
        last = now
        return true
    }
}
