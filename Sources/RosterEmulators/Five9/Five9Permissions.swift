/// The kinds of Five9 user role (`userRoles` children; `userRoleType` values; five9.md §3.3).
public enum Five9RoleKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The `admin` role; `DomainAdmin` in `rolesToRemove`.
    case admin
    /// The `agent` role.
    case agent
    /// The `crmManager` role (no permissions).
    case crmManager
    /// The `reporting` role.
    case reporting
    /// The `supervisor` role.
    case supervisor

    /// The `userRoleType` enumeration value (`rolesToRemove`, fault `roles`).
    public var roleType: String {
        switch self {
        case .admin: "DomainAdmin"
        case .agent: "Agent"
        case .crmManager: "CrmManager"
        case .reporting: "Reporting"
        case .supervisor: "Supervisor"
        }
    }

    /// The role for a `userRoleType` value, or nil if it is not one.
    init?(roleType: String) {
        guard let kind = Self.allCases.first(where: { $0.roleType == roleType }) else { return nil }
        self = kind
    }

    /// Orders roles as the WSDL's `userRoles` sequence does (alphabetically by element name).
    public static func < (lhs: Five9RoleKind, rhs: Five9RoleKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The permission types of this role, in the WSDL's enumeration order.
    var permissionTypes: [String] { Five9PermissionCatalog.types(of: self) }
}

/// The permission type enumerations of the v13 WSDL (five9.md §3.3), in WSDL order.
enum Five9PermissionCatalog {
    static let agent = [
        "ReceiveTransfer", "ProcessVoiceMail", "DeleteVoiceMail", "TransferVoiceMail", "MakeRecordings",
        "SendMessages", "CreateChatSessions", "TrainingMode", "CannotRemoveCRM", "CannotEditSession",
        "CallForwarding", "AddingToDNC", "DialManuallyDNC", "CreateCallbacks", "PlayAudioFiles",
        "SkipCrmInPreviewDialMode", "ManageAvailabilityBySkill", "BrowseWebInEmbeddedBrowser",
        "ChangePreviewPreferences", "CanWrapCall", "CanPlaceCallOnHold", "CanParkCall", "CanRejectCalls",
        "CanConfigureAutoAnswer", "NICEEnabled", "ScreenRecording", "RecycleDispositionAllowed",
        "MakeTransferToAgents", "MakeTransferToSkills", "MakeTransferToInboundCampaigns",
        "MakeTransferToExternalCalls", "CreateConferenceWithAgents", "CreateConferenceWithSkills",
        "CreateConferenceWithInboundCampaigns", "CreateConferenceWithExternalCalls", "MakeCallToAgents",
        "MakeCallToSkills", "MakeCallToExternalCalls", "CanRunJavaClient", "CanRunWebClient",
        "MakeCallToSpeedDialNumber", "CreateConferenceWithSpeedDialNumber", "MakeTransferToSpeedDialNumber",
        "CanSelectDisplayLanguage", "CanViewMissedCalls", "CanViewWebAnalytics", "CanTransferChatsToAgents",
        "CanTransferChatsToSkills", "CanTransferEmailsToAgents", "CanTransferEmailsToSkills",
        "CanCreateChatConferenceWithAgents", "CanCreateChatConferenceWithSkills", "CanTransferSocialsToAgents",
        "CanTransferSocialsToSkills", "MustPickSalesforceObjectForInteractionLog",
    ]

    static let admin = [
        "FullPermissions", "ManageUsers", "ManageSkills", "ManageAgentGroups", "ManageCampaignsStartStop",
        "ManageCampaignsResetDispositions", "ManageCampaignsResetListPosition", "ManageCampaignsReset",
        "ManageCampaignsProperties", "ManageLists", "ManageCRM", "ManageDNC", "EditIvr", "EditProfiles",
        "EditConnectors", "EditDispositions", "EditPrompts", "EditReasonCodes", "EditWorkflowRules",
        "AccessConfigANI", "EditCallAttachedData", "EditTrustedIPAddresses", "NICEEnabled",
        "AccessBillingApplication", "EditDomainEMailNotification", "EditCampaignEMailNotification",
        "CanUseAdminSoapApi", "EditFTPSettings",
    ]

    static let supervisor = [
        "Users", "Agents", "CallMonitoring", "Stations", "ChatSessions", "Campaigns", "CampaignManagement",
        "AllSkills", "BillingInfo", "BargeInMonitor", "WhisperMonitor", "ViewDataForAllAgentGroups",
        "ReviewVoiceRecordings", "EditAgentSkills", "NICEEnabled", "CanAccessDashboardMenu",
        "CampaignManagementStart", "CampaignManagementStop", "CampaignManagementReset",
        "CampaignManagementResetDispositions", "CampaignManagementResetListPositions",
        "CampaignManagementResetAbandonCallRate", "CanViewTextDetailsTab", "CanAccessShowFields",
        "CanRunJavaClient", "CanRunWebClient", "CanChangeDisplayLanguage", "CanMonitorIdleAgents",
        "CanUseSupervisorSoapApi", "CanMonitorEmails", "CanTransferEmails", "CanSilentMonitorChats",
        "CanManageComplianceData",
    ]

    static let reporting = [
        "CanScheduleReportsViaFtp", "CanAccessRecordingsColumn", "NICEEnabled", "CanViewStandardReports",
        "CanViewCustomReports", "CanViewScheduledReports", "CanViewRecentReports", "CanViewRelease7Reports",
        "CanViewCannedReports", "CanViewDashboards", "CanViewAllSkills", "CanViewAllGroups", "CanViewSocialReports",
    ]

    private static let indexes: [Five9RoleKind: [String: Int]] = Dictionary(
        uniqueKeysWithValues: Five9RoleKind.allCases.map { kind in
            (kind, Dictionary(uniqueKeysWithValues: types(of: kind).enumerated().map { ($1, $0) }))
        })

    /// The permission types of `kind` in WSDL order (none for `crmManager`).
    static func types(of kind: Five9RoleKind) -> [String] {
        switch kind {
        case .admin: admin
        case .agent: agent
        case .crmManager: []
        case .reporting: reporting
        case .supervisor: supervisor
        }
    }

    /// The position of permission `type` in `kind`'s enumeration, or nil if `kind` has no such permission.
    static func index(of type: String, in kind: Five9RoleKind) -> Int? {
        indexes[kind]?[type]
    }
}

/// The permissions of one role as a bit set over the role's permission enumeration.
///
/// Every type of the role is either granted (true) or not (false); the service lists every type with its value.
public struct Five9PermissionSet: Sendable, Hashable {
    /// The role the permissions belong to.
    public let kind: Five9RoleKind
    /// Bit `i` set means the `i`-th type of `kind` is granted.
    var bits: UInt64

    /// A set granting nothing.
    init(kind: Five9RoleKind, bits: UInt64 = 0) {
        self.kind = kind
        self.bits = bits
    }

    /// The granted permission types, in WSDL order.
    public var granted: [String] {
        kind.permissionTypes.enumerated().filter { bits & (1 << UInt64($0.offset)) != 0 }.map(\.element)
    }

    /// Whether `type` is granted.
    public func isGranted(_ type: String) -> Bool {
        guard let index = Five9PermissionCatalog.index(of: type, in: kind) else { return false }
        return bits & (1 << UInt64(index)) != 0
    }

    /// Grants or revokes the permission at `index` of the role's enumeration.
    mutating func set(_ index: Int, to value: Bool) {
        if value { bits |= 1 << UInt64(index) } else { bits &= ~(1 << UInt64(index)) }
    }

    /// A set of `kind` granting exactly `types`, or the first unknown type.
    static func granting(_ types: [String], kind: Five9RoleKind) -> Result<Five9PermissionSet, UnknownType> {
        var set = Five9PermissionSet(kind: kind)
        for type in types {
            guard let index = Five9PermissionCatalog.index(of: type, in: kind) else {
                return .failure(UnknownType(type))
            }
            set.set(index, to: true)
        }
        return .success(set)
    }

    /// A permission type the role does not have.
    struct UnknownType: Error {
        var type: String

        init(_ type: String) {
            self.type = type
        }
    }
}
