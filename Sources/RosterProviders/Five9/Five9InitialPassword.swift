/// Initial passwords for users created through SOAP when the manifest gives none: random, never printed, and the
/// user must change it at first login (an admin resets it, or the user uses "forgot password").
enum Five9InitialPassword {
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let lower = Array("abcdefghijkmnopqrstuvwxyz")
    static let digits = Array("23456789")
    static let symbols = Array("!#%+-=?@^_")

    /// A fresh password from the system's secure generator.
    static func generate() -> Credential {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A 20-character password with at least three capitals, three digits and two symbols, so it passes any
    /// `passwordPolicies` a domain is likely to set (five9.md §3.5).
    static func generate(using generator: inout some RandomNumberGenerator) -> Credential {
        var characters: [Character] = []
        for (pool, count) in [(upper, 3), (digits, 3), (symbols, 2), (lower, 3)] {
            for _ in 0..<count { characters.append(pool.randomElement(using: &generator)!) }
        }
        let all = upper + lower + digits + symbols
        while characters.count < 20 { characters.append(all.randomElement(using: &generator)!) }
        characters.shuffle(using: &generator)
        return Credential(String(characters))
    }
}
