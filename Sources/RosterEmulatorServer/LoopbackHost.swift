#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that a host names this machine's loopback interface: 127.0.0.0/8, `::1` or `localhost`.
enum LoopbackHost {
    /// The address to bind for `host`, or an error saying why the host is refused.
    static func bindAddress(for host: String) throws(EmulatorServerError) -> String {
        let trimmed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if trimmed.lowercased() == "localhost" { return "127.0.0.1" }
        if isLoopbackIPv4(trimmed) || isLoopbackIPv6(trimmed) { return trimmed }
        throw EmulatorServerError(
            .hostNotLoopback,
            "refusing to serve emulators on '\(host)': only loopback addresses (127.0.0.0/8, ::1, localhost) are "
                + "allowed, so that nothing outside this machine can reach them; use 127.0.0.1")
    }

    /// Whether `text` is a dotted-quad IPv4 address in 127.0.0.0/8.
    static func isLoopbackIPv4(_ text: String) -> Bool {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { $0.first } == 127
    }

    /// Whether `text` is the IPv6 loopback address `::1` in any spelling.
    static func isLoopbackIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
    }
}
