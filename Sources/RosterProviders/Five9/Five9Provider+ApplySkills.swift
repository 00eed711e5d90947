import RosterModel

extension Five9Provider {
    /// A skill step: create or delete.
    func applySkill(_ step: PlanStep) async throws {
        switch step.action {
        case .create: try await createSkill(step.address.keys[0])
        case .delete: try await deleteSkill(step.address.keys[0])
        case .manual: return
        case .update, .deactivate, .reactivate, .add, .modify, .remove: throw unsupported(step)
        }
    }

    /// `createSkill`; a skill that already exists is what the step wants (skills carry no owner).
    func createSkill(_ skillName: String) async throws {
        for attempt in 1...3 {
            do {
                try await soap.createSkill(Five9Wire.Skill(name: skillName))
                return
            } catch let fault as Five9Fault where fault.reason == .alreadyExists {
                return
            } catch let error as TransportError {
                if try await soap.skill(named: skillName) != nil { return }
                if attempt == 3 {
                    throw ProviderError(.transient, provider: name, "createSkill got no answer three times (\(error))")
                }
            }
        }
    }

    /// `deleteSkill`; a skill already gone counts as deleted.
    func deleteSkill(_ skillName: String) async throws {
        for attempt in 1...3 {
            do {
                try await soap.deleteSkill(skillName)
                return
            } catch let fault as Five9Fault where fault.reason == .notFound {
                return
            } catch let error as TransportError where attempt < 3 {
                _ = error
            }
        }
    }

    /// A skill-assignment step: add, modify or remove.
    func applyUserSkill(_ step: PlanStep) async throws {
        switch step.action {
        case .add, .modify, .remove: try await changeUserSkill(step)
        case .manual: return
        case .create, .update, .deactivate, .reactivate, .delete: throw unsupported(step)
        }
    }

    /// `userSkillAdd`, `userSkillModify` or `userSkillRemove` (spaced apart by the budget).
    ///
    /// The call follows the live state when it moved: an add that finds the skill assigned sets its level, a modify
    /// that finds it unassigned adds it, a remove that finds it unassigned is done. After a lost answer the user is
    /// read fresh: when it already shows the change nothing is sent again.
    func changeUserSkill(_ step: PlanStep) async throws {
        let (key, skill) = (step.address.keys[0], step.address.keys[1])
        let level = step.level ?? 1
        let userName = try await userName(key)
        var change: Five9SOAPClient.SkillChange =
            switch step.action {
            case .add: .add
            case .remove: .remove
            case .create, .update, .deactivate, .reactivate, .delete, .modify, .manual: .modify
            }
        for attempt in 1...4 {
            do {
                try await soap.changeSkill(
                    change, Five9Wire.UserSkill(level: level, skillName: skill, userName: userName))
                recordSkill(key, skill, level: change == .remove ? nil : level)
                return
            } catch let fault as Five9Fault where fault.name == "UserAlreadyHasSkillFault" && attempt < 4 {
                change = .modify
            } catch let fault as Five9Fault where fault.name == "UserDoesntHaveSkillFault" && attempt < 4 {
                if change == .remove { return recordSkill(key, skill, level: nil) }
                change = .add
            } catch let error as TransportError where attempt < 4 {
                _ = error
                users[key] = nil
                let live = try await userInfo(key).toModel()?.value.skills[skill]
                if live == (change == .remove ? nil : level) { return }
            }
        }
    }

    /// Notes a skill assignment's new level (nil: removed) on the recorded user.
    func recordSkill(_ key: String, _ skill: String, level: Int?) {
        guard var info = users[key] else { return }
        var rows = (info.skills ?? []).filter { $0.skillName != skill }
        if let level {
            rows.append(Five9Wire.UserSkill(level: level, skillName: skill, userName: info.generalInfo?.userName))
        }
        info.skills = rows.isEmpty ? nil : rows
        users[key] = info
    }
}
