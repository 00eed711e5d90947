/// Decides whether reading objects one request each costs no more than reading everything, counted in requests.
///
/// Vendors meter requests, not bytes (Genesys 300 a minute, Talkdesk 4 a second), so requests are what is compared.
/// A full read costs one page per list at the least; once the service has said how many users it holds and how
/// many it sends per page, its cost is known. Earlier requests are spent either way, so each decision compares only
/// the requests still to come.
package struct TargetedReadCost: Sendable, Hashable {
    /// What to do next.
    package enum Choice: Sendable, Hashable {
        /// Read the objects one by one: no dearer than a full read.
        case targeted
        /// Ask the service how many users it holds: the answer decides.
        case askSize
        /// Read everything: cheaper than the objects one by one.
        case full
    }

    /// Lists a full read reads besides the users' pages (groups, a second user list), one page each at the least.
    package let otherLists: Int
    /// Requests a full read costs, once the users' list size is known.
    package private(set) var fullRead: Int?

    /// Creates a cost model for a service whose full read also reads `otherLists` other lists.
    package init(otherLists: Int) {
        self.otherLists = otherLists
    }

    /// The fewest requests a full read can cost: one page per list.
    package var minimumFullRead: Int { 1 + otherLists }

    /// What to do before spending `requests` more one-object reads.
    package func choice(forRequests requests: Int) -> Choice {
        guard let fullRead else { return requests <= minimumFullRead ? .targeted : .askSize }
        return requests <= fullRead ? .targeted : .full
    }

    /// Learns the full read's cost: `total` users at `perPage` a page (what the service really sends, which may be
    /// fewer than asked), plus the other lists.
    package mutating func learn(totalUsers total: Int, perPage: Int) {
        let pages = perPage > 0 && total > perPage ? (total + perPage - 1) / perPage : 1
        fullRead = pages + otherLists
    }
}
