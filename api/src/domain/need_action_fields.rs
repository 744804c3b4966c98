//! What each need action takes beyond `action`, in one table. The service checks requests against
//! it (`services::needs::act`) and the spec publishes it as JSON Schema `if`/`then`
//! (`spec_rules`), so a client, generated test data and the server all read the same rule.

use shared::NeedAction;

/// The field an action cannot go without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// Nothing beyond the action.
    Nothing,
    /// `missing`: every missing item named at once (一次告知).
    Missing,
    /// `note`, not blank; the text says what the note is for.
    Note(&'static str),
    /// `rating`, 1–5.
    Rating,
    /// `assignee_id` or `service_id`: whom the need goes to.
    Target,
}

/// What `action` requires.
pub fn required(action: NeedAction) -> Required {
    use NeedAction::*;
    match action {
        Return => Required::Missing,
        Reject | Cancel | Decline | Object => Required::Note("give a reason"),
        Resolve => Required::Note("say what was done"),
        Rate | ReturnVisit => Required::Rating,
        Dispatch => Required::Target,
        Submit | Accept | Resubmit | Claim | ClaimTimeout | Start | Reopen | Close | Escalate => Required::Nothing,
    }
}

/// Hours served are recorded when resolving, and with no other action.
pub fn takes_hours(action: NeedAction) -> bool {
    action == NeedAction::Resolve
}

/// The actions that require `pick`, in the order of `NeedAction::ALL`.
pub fn actions_requiring(pick: impl Fn(Required) -> bool) -> Vec<NeedAction> {
    NeedAction::ALL.iter().copied().filter(|a| pick(required(*a))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_that_ends_or_refuses_work_asks_for_a_note() {
        let with_note = actions_requiring(|r| matches!(r, Required::Note(_)));
        assert_eq!(with_note, [NeedAction::Reject, NeedAction::Decline, NeedAction::Resolve, NeedAction::Object, NeedAction::Cancel]);
    }

    #[test]
    fn only_resolving_takes_hours() {
        let taking: Vec<_> = NeedAction::ALL.iter().filter(|a| takes_hours(**a)).collect();
        assert_eq!(taking, [&NeedAction::Resolve]);
    }
}
