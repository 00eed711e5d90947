/// Writes manifests for synthetic organisations of any size, for apply tests at scale.
public struct SyntheticOrg: Sendable {
    /// One person.
    public struct Person: Sendable {
        /// The userName.
        public var userName: String
        /// The title (changing it makes an update step).
        public var title: String
        /// The account under the provider, for example `{ roles: [admin] }`.
        public var account: String
        /// Whether the person should be active (false: a deactivate step for a live user).
        public var active: Bool

        /// Creates a person.
        public init(userName: String, title: String = "Agent", account: String = "{}", active: Bool = true) {
            self.userName = userName
            self.title = title
            self.account = account
            self.active = active
        }
    }

    /// The provider's name.
    public var provider: String
    /// Extra lines of the provider block (pace, policy, endpoint, credentials), indented by 4.
    public var providerLines: [String]
    /// The people.
    public var people: [Person]

    /// An org of `count` people named `u0000@acme.example`… on one embedded-emulator provider.
    public init(provider: String = "corp", count: Int, providerLines: [String] = []) {
        self.provider = provider
        self.providerLines = providerLines
        self.people = (0..<count).map { Person(userName: Self.userName($0)) }
    }

    /// The userName of person `index`.
    public static func userName(_ index: Int) -> String {
        let digits = String(index)
        return "u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "@acme.example"
    }

    /// The providers block for several providers.
    public static func providers(_ blocks: [(name: String, lines: [String])]) -> String {
        var text = "providers:\n"
        for block in blocks {
            text += "  \(block.name):\n    type: scim\n"
            text += block.lines.map { "    \($0)\n" }.joined()
        }
        return text
    }

    /// The people block; each person gets an account on every provider in `on`.
    public func peopleBlock(on providers: [String]? = nil) -> String {
        var text = "people:\n"
        for person in people {
            text += "  - userName: \(person.userName)\n    givenName: G\(person.userName.prefix(5))\n"
            text += "    familyName: Test\n    title: \(person.title)\n"
            if !person.active { text += "    active: false\n" }
            text += "    accounts:\n"
            for name in providers ?? [provider] { text += "      \(name): \(person.account)\n" }
        }
        return text
    }

    /// The whole manifest.
    public var manifest: String {
        let lines = providerLines.isEmpty ? [#"endpoint: "emulator:""#] : providerLines
        return "version: 1\n" + Self.providers([(provider, lines)]) + peopleBlock()
    }
}
