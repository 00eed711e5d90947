public import RosterModel

extension PlanDocument {
    /// One step on the wire: every field of `PlanStep`.
    public struct StepEntry: Codable, Sendable, Hashable {
        /// Unique within a plan: `action:address`.
        public var id: String
        /// What the step touches.
        public var address: AddressEntry
        /// What it does.
        public var action: Action
        /// Attribute-level before/after, in the plan's order.
        public var changes: [ChangeEntry]
        /// How it will be done, such as `PATCH` or `GET+PUT`.
        public var method: String?
        /// Why this method, when it is not the obvious one.
        public var methodReason: String?
        /// Why the step exists.
        public var reason: String
        /// Ids of the steps that must succeed first.
        public var dependsOn: [String]
        /// The vendor's id of the live object.
        public var liveID: String?
        /// The live object's fingerprint at plan time.
        public var fingerprint: String?
        /// The desired user, for user steps.
        public var user: UserEntry?
        /// The desired group, for group steps.
        public var group: GroupEntry?
        /// The skill level, for skill assignments.
        public var level: Int?
        /// Estimated API calls.
        public var estimatedCalls: Int
        /// Where the object is declared.
        public var origin: LocationEntry?

        enum CodingKeys: String, CodingKey {
            case id, address, action, changes, method, reason, fingerprint, user, group, level, origin
            case methodReason = "method_reason"
            case dependsOn = "depends_on"
            case liveID = "live_id"
            case estimatedCalls = "estimated_calls"
        }
    }

    /// A resource address on the wire: `{"provider": "corp", "kind": "user", "keys": ["ana@acme.example"]}`.
    public struct AddressEntry: Codable, Sendable, Hashable, CustomStringConvertible {
        /// The provider name.
        public var provider: String
        /// The kind of object.
        public var kind: ResourceKind
        /// The natural keys.
        public var keys: [String]

        /// `provider.kind["key1","key2"]`, as `ResourceAddress` prints it.
        public var description: String { model().description }

        /// The user this address concerns: the first key of user and skill-assignment addresses, the last of
        /// memberships.
        public var userKey: String? { model().userKey }
    }

    /// One attribute change on the wire; `before` or `after` is absent when unset.
    public struct ChangeEntry: Codable, Sendable, Hashable {
        /// The attribute name, as written (never case-converted).
        public var name: String
        /// The live value.
        public var before: AttributeValue?
        /// The desired value.
        public var after: AttributeValue?
    }

    /// A desired user on the wire.
    public struct UserEntry: Codable, Sendable, Hashable {
        /// The userName.
        public var userName: String
        /// The ownership marker or foreign external id.
        public var externalId: String?
        /// Whether the account is active.
        public var active: Bool
        /// Canonical attributes by name.
        public var attributes: AttributeMap
        /// Where the person is declared.
        public var origin: LocationEntry?

        enum CodingKeys: String, CodingKey {
            case active, attributes, origin
            case userName = "user_name"
            case externalId = "external_id"
        }
    }

    /// A desired group on the wire.
    public struct GroupEntry: Codable, Sendable, Hashable {
        /// The display name.
        public var name: String
        /// The ownership marker or foreign external id.
        public var externalId: String?
        /// Member userNames.
        public var members: [String]
        /// Where the group is declared.
        public var origin: LocationEntry?

        enum CodingKeys: String, CodingKey {
            case name, members, origin
            case externalId = "external_id"
        }
    }

    /// A manifest position on the wire.
    public struct LocationEntry: Codable, Sendable, Hashable, CustomStringConvertible {
        /// The file path as the user gave it.
        public var file: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column.
        public var column: Int

        /// `file:line:column`.
        public var description: String { "\(file):\(line):\(column)" }
    }
}
