import RosterModel

/// One apply event on the wire (`schemas/apply-events.v1.schema.json`); absent fields do not apply to the type.
struct ApplyEventRecord: Encodable {
    var type: String
    var at: String
    var stepID: String?
    var provider: String?
    var address: PlanDocument.AddressEntry?
    var action: Action?
    var status: StepOutcome.Status?
    var attempt: Int?
    var attempts: Int?
    var delaySeconds: Double?
    var seconds: Double?
    var reason: String?
    var error: String?
    var waitedOn: String?

    enum CodingKeys: String, CodingKey {
        case type, at, provider, address, action, status, attempt, attempts, seconds, reason, error
        case stepID = "step_id"
        case delaySeconds = "delay_seconds"
        case waitedOn = "waited_on"
    }

    init(_ event: ApplyEvent, at: String) {
        self.at = at
        switch event {
        case .started(let stepID, let address, let action):
            type = "step_started"
            self.stepID = stepID
            self.provider = address.provider
            self.address = PlanDocument.AddressEntry(address)
            self.action = action
        case .retrying(let stepID, let attempt, let delaySeconds, let reason):
            type = "step_retry"
            self.stepID = stepID
            self.attempt = attempt
            self.delaySeconds = delaySeconds
            self.reason = reason
        case .finished(let outcome):
            type = "step_finished"
            fill(outcome)
        case .providerStopped(let provider, let reason):
            type = "provider_stopped"
            self.provider = provider
            self.reason = reason
        }
    }

    private mutating func fill(_ outcome: StepOutcome) {
        stepID = outcome.stepID
        provider = outcome.address.provider
        address = PlanDocument.AddressEntry(outcome.address)
        action = outcome.action
        status = outcome.status
        attempts = outcome.attempts
        seconds = outcome.seconds
        error = outcome.error
        waitedOn = outcome.waitedOn
    }
}
