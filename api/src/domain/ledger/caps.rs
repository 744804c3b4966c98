//! Caps on the points one person earns (积分上限): a district may cap what anyone earns in a China
//! calendar day and month, over every kind of earning together (serving, activities, taking part).
//! A credit that would pass a cap is clipped to what is left — never refused, so the event it pays
//! for (a co-sign, a survey answer, a rated need) still happens — and says so in its memo.

/// A district's caps; `None` is no cap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caps {
    pub daily: Option<i64>,
    pub monthly: Option<i64>,
}

/// What a credit grants after the caps, and which cap clipped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capped {
    pub granted: i64,
    pub clipped_by: Option<Cap>,
}

/// The cap that clipped a credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    Daily,
    Monthly,
}

impl Cap {
    /// The memo's words for it.
    pub fn memo(self, limit: i64) -> String {
        match self {
            Cap::Daily => format!("（已达每日积分上限 {limit} 分，超出部分不计）"),
            Cap::Monthly => format!("（已达每月积分上限 {limit} 分，超出部分不计）"),
        }
    }
}

/// Clips `wanted` points to the room left under each cap, given what the person has already earned
/// today and this month. Room is never negative (a cap lowered mid-month grants nothing more).
pub fn clip(wanted: i64, earned_today: i64, earned_this_month: i64, caps: Caps) -> Capped {
    let wanted = wanted.max(0);
    let room = |cap: Option<i64>, earned: i64| cap.map(|c| (c - earned).max(0));
    let mut capped = Capped { granted: wanted, clipped_by: None };
    for (cap, left) in [(Cap::Daily, room(caps.daily, earned_today)), (Cap::Monthly, room(caps.monthly, earned_this_month))] {
        if let Some(left) = left
            && left < capped.granted
        {
            capped = Capped { granted: left, clipped_by: Some(cap) };
        }
    }
    capped
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAPS: Caps = Caps { daily: Some(10), monthly: Some(25) };

    #[test]
    fn a_credit_under_both_caps_is_granted_whole() {
        assert_eq!(clip(4, 5, 20, CAPS), Capped { granted: 4, clipped_by: None });
        assert_eq!(clip(1000, 0, 0, Caps::default()), Capped { granted: 1000, clipped_by: None });
    }

    #[test]
    fn a_credit_over_the_daily_cap_is_clipped_to_what_is_left_today() {
        assert_eq!(clip(8, 5, 5, CAPS), Capped { granted: 5, clipped_by: Some(Cap::Daily) });
        assert_eq!(clip(8, 10, 10, CAPS), Capped { granted: 0, clipped_by: Some(Cap::Daily) });
    }

    #[test]
    fn the_tighter_of_the_two_caps_wins() {
        assert_eq!(clip(8, 0, 22, CAPS), Capped { granted: 3, clipped_by: Some(Cap::Monthly) });
        assert_eq!(clip(8, 8, 20, CAPS), Capped { granted: 2, clipped_by: Some(Cap::Daily) });
    }

    #[test]
    fn a_cap_lowered_below_what_was_earned_grants_nothing_and_never_takes_back() {
        assert_eq!(clip(5, 30, 30, CAPS).granted, 0);
    }

    proptest::proptest! {
        #[test]
        fn a_clipped_credit_never_passes_a_cap(wanted in 0i64..500, today in 0i64..60, extra in 0i64..60, daily in 0i64..50, monthly in 0i64..100) {
            let month = today + extra;
            let caps = Caps { daily: Some(daily), monthly: Some(monthly) };
            let c = clip(wanted, today, month, caps);
            proptest::prop_assert!(c.granted >= 0 && c.granted <= wanted);
            proptest::prop_assert!(today + c.granted <= daily.max(today));
            proptest::prop_assert!(month + c.granted <= monthly.max(month));
            proptest::prop_assert_eq!(c.clipped_by.is_none(), c.granted == wanted);
        }
    }
}
