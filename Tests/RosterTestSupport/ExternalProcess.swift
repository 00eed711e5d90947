public import Foundation

/// A helper process started by a test (a third-party server), stopped when the test is done.
public final class ExternalProcess: @unchecked Sendable {
    let process = Process()

    /// Starts `executable` (searched on PATH) with `arguments`; output goes to a temporary log.
    public init(_ executable: String, _ arguments: [String]) throws {
        guard let path = Self.which(executable) else {
            throw ExternalProcessError.missing(executable)
        }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(executable)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Stops the process: SIGTERM, then SIGKILL if it is still running two seconds later.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// The full path of an executable on PATH.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A free TCP port on 127.0.0.1 (bound then released; good enough for tests).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until something accepts TCP connections on 127.0.0.1:`port`.
    public static func waitForPort(_ port: Int, timeout: TimeInterval = 60) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if result == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ExternalProcessError.notListening(port)
    }
}

/// Why a helper process is not usable.
public enum ExternalProcessError: Error, CustomStringConvertible {
    /// Not installed.
    case missing(String)
    /// Did not start listening.
    case notListening(Int)

    /// What to do about it.
    public var description: String {
        switch self {
        case .missing(let name): "\(name) is not installed; scripts/test installs it (python3 -m pip install \(name))"
        case .notListening(let port): "nothing is listening on 127.0.0.1:\(port)"
        }
    }
}
