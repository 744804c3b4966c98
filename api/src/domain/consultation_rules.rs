//! The rules of 民主协商 that are arithmetic, free of the database: how many co-signers a
//! community's threshold asks for, and whether a meeting's vote stands under its quorum rule.

use shared::{ConsultationSettings, MeetingOutcome, ThresholdKind};

/// Co-signers needed by default: ten residents.
pub const DEFAULT_THRESHOLD_COUNT: i32 = 10;
/// By default half the invited participants must attend (过半数出席) …
pub const DEFAULT_QUORUM_PRESENT_PCT: i32 = 50;
/// … and more than half of the votes cast must be for the decision (过半数同意).
pub const DEFAULT_PASS_PCT: i32 = 50;

/// The settings of a community that has stored none.
pub fn default_settings() -> ConsultationSettings {
    ConsultationSettings {
        threshold_kind: ThresholdKind::Count,
        threshold_count: DEFAULT_THRESHOLD_COUNT,
        household_share_pct: None,
        quorum_present_pct: DEFAULT_QUORUM_PRESENT_PCT,
        pass_pct: DEFAULT_PASS_PCT,
    }
}

/// Co-signers needed to file a topic of a community with `households` (its profile). A share of
/// households is rounded up and never less than one; without a household count the count applies.
pub fn cosign_threshold(settings: &ConsultationSettings, households: Option<i64>) -> i32 {
    match (settings.threshold_kind, settings.household_share_pct, households) {
        (ThresholdKind::HouseholdShare, Some(pct), Some(h)) if h > 0 => ((h as f64 * pct / 100.0).ceil() as i32).max(1),
        _ => settings.threshold_count.max(1),
    }
}

/// A meeting's tally: invited and attending participants (all kinds together) and the votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub invited: i64,
    pub attended: i64,
    pub votes_for: i64,
    pub votes_against: i64,
    pub votes_abstaining: i64,
}

/// The outcome of a vote: without the quorum (attended ≥ quorum share of invited) nothing is
/// decided; with it, the decision passes with more than `pass_pct` of the votes cast for it.
pub fn outcome(tally: Tally, quorum_present_pct: i32, pass_pct: i32) -> MeetingOutcome {
    if tally.invited <= 0 || tally.attended * 100 < tally.invited * i64::from(quorum_present_pct) {
        return MeetingOutcome::NoQuorum;
    }
    let cast = tally.votes_for + tally.votes_against + tally.votes_abstaining;
    if cast > 0 && tally.votes_for * 100 > cast * i64::from(pass_pct) { MeetingOutcome::Passed } else { MeetingOutcome::Rejected }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(invited: i64, attended: i64, votes: (i64, i64, i64)) -> Tally {
        Tally { invited, attended, votes_for: votes.0, votes_against: votes.1, votes_abstaining: votes.2 }
    }

    #[test]
    fn a_count_threshold_is_the_count() {
        assert_eq!(cosign_threshold(&default_settings(), Some(5487)), 10);
    }

    #[test]
    fn a_household_share_is_rounded_up_from_the_profile() {
        let s =
            ConsultationSettings { threshold_kind: ThresholdKind::HouseholdShare, household_share_pct: Some(1.0), ..default_settings() };
        assert_eq!(cosign_threshold(&s, Some(5487)), 55);
        assert_eq!(cosign_threshold(&s, Some(20)), 1, "never less than one");
        assert_eq!(cosign_threshold(&s, None), 10, "without households the count applies");
    }

    #[test]
    fn half_present_and_more_than_half_for_passes() {
        assert_eq!(outcome(tally(30, 15, (8, 5, 2)), 50, 50), MeetingOutcome::Passed);
    }

    #[test]
    fn a_meeting_short_of_the_quorum_decides_nothing_however_it_voted() {
        assert_eq!(outcome(tally(30, 14, (14, 0, 0)), 50, 50), MeetingOutcome::NoQuorum);
        assert_eq!(outcome(tally(0, 0, (0, 0, 0)), 50, 50), MeetingOutcome::NoQuorum);
    }

    #[test]
    fn exactly_the_pass_share_is_not_more_than_it() {
        assert_eq!(outcome(tally(20, 20, (10, 10, 0)), 50, 50), MeetingOutcome::Rejected);
        assert_eq!(outcome(tally(20, 20, (10, 5, 5)), 50, 50), MeetingOutcome::Rejected, "abstentions count as cast");
        assert_eq!(outcome(tally(20, 20, (11, 9, 0)), 50, 50), MeetingOutcome::Passed);
    }

    #[test]
    fn a_two_thirds_rule_is_data() {
        assert_eq!(outcome(tally(9, 9, (6, 3, 0)), 50, 66), MeetingOutcome::Passed);
        assert_eq!(outcome(tally(9, 9, (6, 3, 0)), 50, 67), MeetingOutcome::Rejected);
        assert_eq!(outcome(tally(10, 6, (6, 0, 0)), 67, 50), MeetingOutcome::NoQuorum);
    }
}
