extension Five9Wire {
    /// The `userInfo` element (five9.md §3.1): a user's general info, roles, skills and agent groups.
    ///
    /// Properties are declared in WSDL sequence order, which is the order the encoder writes them in.
    package struct UserInfo: Sendable, Hashable, Encodable {
        /// Agent-group names.
        package var agentGroups: [String]?
        /// General info.
        package var generalInfo: UserGeneralInfo?
        /// Roles.
        package var roles: UserRoles?
        /// Skill assignments.
        package var skills: [UserSkill]?

        /// Creates a user info.
        package init(
            agentGroups: [String]? = nil, generalInfo: UserGeneralInfo? = nil, roles: UserRoles? = nil,
            skills: [UserSkill]? = nil
        ) {
            self.agentGroups = agentGroups
            self.generalInfo = generalInfo
            self.roles = roles
            self.skills = skills
        }
    }

    /// `userGeneralInfo` (five9.md §3.2), every element in WSDL order, so a read-modify-write sends back what it read.
    package struct UserGeneralInfo: Sendable, Hashable, Encodable {
        package var active: Bool?
        package var canChangePassword: Bool?
        package var email: String?
        package var `extension`: String?
        package var federationId: String?
        package var firstName: String?
        package var fullName: String?
        package var iexScheduled: Bool?
        package var id: Int?
        package var lastName: String?
        package var locale: String?
        package var mediaTypeConfig: MediaTypeConfig?
        package var mustChangePassword: Bool?
        package var osLogin: String?
        package var password: Password?
        package var phoneNumber: String?
        package var startDate: String?
        package var unifiedCommunicationId: String?
        package var userName: String?
        package var userProfileName: String?

        /// Creates general info with only a userName.
        package init(userName: String? = nil) { self.userName = userName }

        /// The WSDL spellings, `EMail` and `IEXScheduled` included.
        enum CodingKeys: String, CodingKey {
            case active, canChangePassword
            case email = "EMail"
            case `extension`, federationId, firstName, fullName
            case iexScheduled = "IEXScheduled"
            case id, lastName, locale, mediaTypeConfig, mustChangePassword, osLogin, password, phoneNumber, startDate
            case unifiedCommunicationId, userName, userProfileName
        }
    }

    /// A password on its way to Five9: encoded into the request, printed as `***` everywhere else.
    package struct Password: Sendable, Hashable, Encodable, CustomStringConvertible, CustomDebugStringConvertible {
        let credential: Credential

        /// Wraps a password.
        package init(_ credential: Credential) { self.credential = credential }

        /// Writes the password as the element's text.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(credential.secret)
        }

        /// `***`.
        package var description: String { "***" }

        /// `***`.
        package var debugDescription: String { "***" }
    }

    /// `mediaTypeConfig`, kept so a read-modify-write of general info does not drop it.
    package struct MediaTypeConfig: Sendable, Hashable, Encodable {
        /// One media type's settings (note the WSDL's spellings `intlligentRouting` and `maxAlowed`).
        package struct Item: Sendable, Hashable, Encodable {
            package var enabled: Bool?
            package var intlligentRouting: Bool?
            package var maxAlowed: Int?
            package var type: String?
        }

        package var mediaTypes: [Item]?
    }

    /// `userRoles` (five9.md §3.3): the roles a user holds, in WSDL order.
    package struct UserRoles: Sendable, Hashable, Encodable {
        package var admin: Role?
        package var agent: AgentRole?
        package var crmManager: Role?
        package var reporting: Role?
        package var supervisor: Role?

        /// Creates roles.
        package init(
            admin: Role? = nil, agent: AgentRole? = nil, crmManager: Role? = nil,
            reporting: Role? = nil, supervisor: Role? = nil
        ) {
            self.admin = admin
            self.agent = agent
            self.crmManager = crmManager
            self.reporting = reporting
            self.supervisor = supervisor
        }
    }

    /// A role with permissions only (admin, supervisor, reporting, CRM manager).
    ///
    /// Sent without permissions it grants the role with its default permissions (five9.md §4.1).
    package struct Role: Sendable, Hashable, Encodable {
        package var permissions: [Permission]?

        /// Creates a role.
        package init(permissions: [Permission]? = nil) { self.permissions = permissions }
    }

    /// The agent role: three required booleans around the permissions.
    package struct AgentRole: Sendable, Hashable, Encodable {
        package var alwaysRecorded: Bool
        package var attachVmToEmail: Bool
        package var permissions: [Permission]?
        package var sendEmailOnVm: Bool

        /// Creates an agent role; the booleans default to off, as Five9's own samples send them.
        package init(
            alwaysRecorded: Bool = false, attachVmToEmail: Bool = false, permissions: [Permission]? = nil,
            sendEmailOnVm: Bool = false
        ) {
            self.alwaysRecorded = alwaysRecorded
            self.attachVmToEmail = attachVmToEmail
            self.permissions = permissions
            self.sendEmailOnVm = sendEmailOnVm
        }
    }

    /// One permission of a role: `<permissions><type>ReceiveTransfer</type><value>true</value></permissions>`.
    package struct Permission: Sendable, Hashable, Encodable {
        package var type: String?
        package var value: Bool
    }

    /// The `userSkill` element (five9.md §3.4): one user's assignment of one skill.
    ///
    /// `id` is the skill's id; `level` runs from 1 (highest priority) to 10.
    package struct UserSkill: Sendable, Hashable, Encodable {
        package var id: Int?
        package var level: Int
        package var skillName: String?
        package var userName: String?

        /// Creates an assignment.
        package init(id: Int? = nil, level: Int, skillName: String?, userName: String?) {
            self.id = id
            self.level = level
            self.skillName = skillName
            self.userName = userName
        }
    }
}
