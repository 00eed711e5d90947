import Foundation
public import RosterModel

extension SCIMProvider {
    /// Fresh fingerprints for the given addresses (users by userName filter, groups by displayName filter).
    public func fingerprints(of addresses: [ResourceAddress]) async throws -> [ResourceAddress: String?] {
        var result: [ResourceAddress: String?] = [:]
        for address in addresses {
            switch address.kind {
            case .user:
                let found = try await client.list("Users", filter: "userName eq \(Self.quote(address.keys[0]))")
                result[address] = found.first.flatMap { dialect.mapping.user(from: $0) }?.fingerprint
            case .group:
                let found = try await client.list("Groups", filter: "displayName eq \(Self.quote(address.keys[0]))")
                guard let json = found.first else {
                    result[address] = .some(nil)
                    continue
                }
                result[address] = group(from: try await withMembers(json))?.fingerprint
            case .membership, .skill, .userSkill:
                result[address] = .some(nil)
            }
        }
        return result
    }
}
