import Foundation
import RosterTestSupport

/// A manifest of `count` people on one `scim` provider, all in one group, at `endpoint`.
func orgManifest(count: Int, endpoint: String, token: Bool = false, pace: String? = nil) -> String {
    var text = """
        version: 1
        providers:
          corp:
            type: scim
            endpoint: "\(endpoint)"

        """
    if token { text += "    credentials: { token: { env: CORP_TOKEN } }\n" }
    if let pace { text += "    pace: \(pace)\n" }
    text += "people:\n"
    for index in 0..<count {
        text += """
              - userName: person\(index)@acme.example
                givenName: Person
                familyName: Number\(index)
                email: person\(index)@acme.example
                title: Agent
                accounts: { corp: {} }

            """
    }
    let members = (0..<count).map { "person\($0)@acme.example" }.joined(separator: ", ")
    text += "groups:\n  - name: Everyone\n    on: [corp]\n    members: [\(members)]\n"
    return text
}
