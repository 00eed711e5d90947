import Foundation

/// Shapes of individual values: names, e-mail addresses, locales, UUIDs, endpoints.
enum ValueRules {
    /// The embedded emulator's endpoint.
    static let emulatorEndpoint = "emulator:"

    /// Provider names: `^[a-z][a-z0-9_-]*$`.
    static func isProviderName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLowercase(first) else { return false }
        return name.utf8.allSatisfy {
            isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// `local@domain.tld`: one `@`, non-empty parts, a dot inside the domain, no spaces (checked on UTF-8 bytes:
    /// it runs for every userName on platforms whose userNames are e-mail addresses).
    static func isEmailAddress(_ text: String) -> Bool {
        var at: Int?
        var count = 0
        var ascii = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") {
                if at != nil { return false }
                at = count
            } else if byte <= 0x20 || byte == 0x7F {
                return false
            }
            ascii = ascii && byte < 0x80
            count += 1
        }
        guard let at, at > 0 else { return false }
        if !ascii && text.contains(where: \.isWhitespace) { return false }
        let domain = text.utf8.dropFirst(at + 1)
        let dot = UInt8(ascii: ".")
        guard let first = domain.first, let last = domain.last, first != dot, last != dot else { return false }
        var previous: UInt8 = 0
        var dots = 0
        for byte in domain {
            if byte == dot {
                if previous == dot { return false }
                dots += 1
            }
            previous = byte
        }
        return dots > 0
    }

    /// A BCP 47-like locale: `en`, `en-US`, `pt_BR`, `zh-Hant-TW`.
    static func isLocale(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" }
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isASCIILetter)
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
        }
    }

    /// A UUID written 8-4-4-4-12 in hex digits (scim-vendors.md §2: the Webex org id must be the raw UUID).
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// Environment variable names: letters, digits and `_`, not starting with a digit.
    static func isEnvironmentName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !isDigit(first) else { return false }
        return text.utf8.allSatisfy { isLowercase($0) || isUppercase($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// Why an endpoint is not acceptable (code, message, hint), or `nil` when it is.
    static func endpointProblem(_ text: String) -> (ManifestDiagnosticCode, String, String?)? {
        if text == emulatorEndpoint { return nil }
        if text == "emulator" {
            return (
                .invalidValue, "endpoint 'emulator' is not valid",
                "write endpoint: \"emulator:\" (with the colon, in quotes: YAML reads a bare trailing colon as a mapping)"
            )
        }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), let url = URL(string: text),
            let host = url.host, !host.isEmpty
        else {
            return (.invalidValue, "endpoint '\(text)' is not \"emulator:\" or an https:// URL", nil)
        }
        if lowered.hasPrefix("http://") && !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) {
            return (
                .insecureEndpoint, "http:// endpoint '\(text)' is not on the loopback interface",
                "use https://; plain http:// is allowed only for 127.0.0.1 and localhost"
            )
        }
        return nil
    }

    /// Genesys Cloud region domains (scim-vendors.md §1.1, from the Genesys SDK's region list).
    static let genesysRegions = [
        "mypurecloud.com", "mypurecloud.ie", "mypurecloud.com.au", "mypurecloud.jp", "mypurecloud.de",
        "usw2.pure.cloud", "cac1.pure.cloud", "apne2.pure.cloud", "euw2.pure.cloud", "aps1.pure.cloud",
        "use2.us-gov-pure.cloud", "sae1.pure.cloud", "mec1.pure.cloud", "apne3.pure.cloud", "euc2.pure.cloud",
        "mxc1.pure.cloud", "apse1.pure.cloud",
    ]

    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
